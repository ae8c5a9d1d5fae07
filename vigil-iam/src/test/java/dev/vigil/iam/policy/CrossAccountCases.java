package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.ACCOUNT;
import static dev.vigil.iam.policy.EngineCase.OTHER;
import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.of;
import static dev.vigil.iam.policy.EngineCase.resourceAllow;
import static dev.vigil.iam.policy.EngineCase.roleSession;
import static dev.vigil.iam.policy.EngineCase.trust;
import static dev.vigil.iam.policy.EngineCase.user;

import java.util.stream.Stream;

/** Cross-account requests: both the trusted and the trusting account must allow. */
final class CrossAccountCases {
    private static final String CAT = "cross-account";
    private static final String CROSS = "Cross-account policy evaluation logic";
    private static final String EXAMPLE = CROSS + ": Example cross-account policy evaluation";
    private static final String PRINCIPAL = "AWS JSON policy elements: Principal";
    private static final String BUCKET = "arn:aws:s3:::shared/*";
    private static final String KEY = "arn:aws:s3:::shared/key";

    private static final String CARLOS = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowS3ListRead", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"},
              {"Sid": "AllowS3ProductionObjectActions", "Effect": "Allow", "Action": "s3:*Object*", "Resource": "arn:aws:s3:::Production/*"},
              {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::*log*", "arn:aws:s3:::*log*/*"]}]}""";

    private static final String PRODUCTION_BUCKET = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "CarlosObjects", "Effect": "Allow",
              "Action": ["s3:GetObject*", "s3:PutObject*", "s3:ReplicateObject", "s3:RestoreObject"],
              "Principal": {"AWS": "arn:aws:iam::111111111111:user/carlossalazar"}, "Resource": "arn:aws:s3:::Production/*"}]}""";

    private CrossAccountCases() {}

    private static EngineCase.Builder carlos(String name, String source) {
        return of(CAT, name, source).principal(user("111111111111", "carlossalazar")).resourceAccount("222222222222")
                .identity(CARLOS);
    }

    private static EngineCase.Builder cross(String name, String source) {
        return of(CAT, name, source).resource(KEY).resourceAccount(OTHER);
    }

    private static String aws(String v) {
        return "{\"AWS\": \"" + v + "\"}";
    }

    static Stream<EngineCase> cases() {
        return Stream.of(
                carlos("Carlos: PutObject to Production-logs", EXAMPLE + ": Because the request is explicitly denied within one of the accounts")
                        .action("s3:PutObject").resource("arn:aws:s3:::Production-logs/file.txt")
                        .matched("DenyS3Logs").explicitDeny(PolicyType.IDENTITY),
                carlos("Carlos: PutObject to Production", EXAMPLE + ": Because both accounts allow the request, the final decision is to allow")
                        .action("s3:PutObject").resource("arn:aws:s3:::Production/file.txt").resourcePolicy(PRODUCTION_BUCKET)
                        .matched("CarlosObjects", "AllowS3ProductionObjectActions").allow(),
                carlos("Carlos: DeleteObject in Production", EXAMPLE + ": He can create and edit, but not delete the objects in the bucket")
                        .action("s3:DeleteObject").resource("arn:aws:s3:::Production/file.txt").resourcePolicy(PRODUCTION_BUCKET)
                        .message("User: arn:aws:iam::111111111111:user/carlossalazar is not authorized to perform:"
                                + " s3:DeleteObject on resource: arn:aws:s3:::Production/file.txt because no resource-based"
                                + " policy allows the s3:DeleteObject action")
                        .implicitDeny(PolicyType.RESOURCE),
                carlos("Carlos: PutBucketPolicy on Production", EXAMPLE + ": He can't manage the bucket itself")
                        .action("s3:PutBucketPolicy").resource("arn:aws:s3:::Production").resourcePolicy(PRODUCTION_BUCKET)
                        .implicitDeny(PolicyType.IDENTITY),
                cross("resource policy allows, no identity policy", CROSS + ": the requester in the trusted AccountA must have an identity-based policy")
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:user/alice"), "s3:GetObject", BUCKET))
                        .implicitDeny(PolicyType.IDENTITY),
                cross("identity allows, no resource policy", CROSS + ": the resource-based policy in AccountB must allow the requester")
                        .identity(allow("s3:GetObject", "*")).implicitDeny(PolicyType.RESOURCE),
                cross("resource policy names the trusted account", CROSS + ": You can specify the entire account or its IAM users")
                        .identity(allow("s3:GetObject", BUCKET))
                        .resourcePolicy(resourceAllow(aws(ACCOUNT), "s3:GetObject", BUCKET)).allow(),
                cross("resource policy names a role of the trusted account", CROSS + ": You can specify ... IAM roles, or assumed-role sessions")
                        .principal(roleSession(ACCOUNT, "reader", "s1")).identity(allow("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:role/reader"), "s3:GetObject", BUCKET)).allow(),
                cross("resource policy names the session, no identity policy", CROSS + ": The request is allowed only if both evaluations return a decision of Allow")
                        .principal(roleSession(ACCOUNT, "reader", "s1"))
                        .resourcePolicy(resourceAllow(aws("arn:aws:sts::111122223333:assumed-role/reader/s1"), "s3:GetObject", BUCKET))
                        .implicitDeny(PolicyType.IDENTITY),
                cross("Principal * with identity allow", PRINCIPAL + ": For principals in other accounts, they must also have identity-based permissions")
                        .identity(allow("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow("\"*\"", "s3:GetObject", BUCKET)).allow(),
                cross("Principal * without identity allow", PRINCIPAL + ": For principals in other accounts, they must also have identity-based permissions")
                        .resourcePolicy(resourceAllow("\"*\"", "s3:GetObject", BUCKET)).implicitDeny(PolicyType.IDENTITY),
                cross("resource policy names another user of the trusted account", CROSS + ": the resource-based policy ... must specify the principal")
                        .identity(allow("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:user/bob"), "s3:GetObject", BUCKET))
                        .implicitDeny(PolicyType.RESOURCE),
                cross("resource policy deny in the trusting account", CROSS + ": explicit deny in either account")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [
                                  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "arn:aws:s3:::shared/*"},
                                  {"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/key"}]}""")
                        .explicitDeny(PolicyType.RESOURCE),
                cross("boundary in the trusted account", CROSS + ": it checks the identity-based policy and any policies that can limit an identity-based policy")
                        .identity(allow("s3:*", "*")).boundary(allow("sqs:*", "*"))
                        .resourcePolicy(resourceAllow(aws(ACCOUNT), "s3:GetObject", BUCKET)).implicitDeny(PolicyType.BOUNDARY),
                cross("session policy in the trusted account", CROSS + ": it checks the identity-based policy and any policies that can limit an identity-based policy")
                        .principal(roleSession(ACCOUNT, "reader", "s1")).identity(allow("s3:*", "*")).session(allow("sqs:*", "*"))
                        .resourcePolicy(resourceAllow(aws(ACCOUNT), "s3:GetObject", BUCKET)).implicitDeny(PolicyType.SESSION),
                cross("root of the trusted account, account named", "Policies and the root user: you can specify the root user as the principal in a resource-based policy")
                        .principal(RequestPrincipal.root(ACCOUNT))
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:root"), "s3:GetObject", BUCKET)).allow(),
                cross("root of another account without a resource policy", "Vigil DESIGN 3 / Policy evaluation logic: reaching another account's resource needs that resource's policy")
                        .principal(RequestPrincipal.root(ACCOUNT)).implicitDeny(PolicyType.RESOURCE),
                of(CAT, "cross-account AssumeRole, trusted account named", CROSS + ": a role trust policy ... allows principals in other accounts to assume that role")
                        .action("sts:AssumeRole").resource("arn:aws:iam::444455556666:role/audit").resourceAccount(OTHER)
                        .identity(allow("sts:AssumeRole", "arn:aws:iam::444455556666:role/audit"))
                        .trustPolicy(trust(aws("arn:aws:iam::111122223333:root"), "sts:AssumeRole")).allow(),
                of(CAT, "cross-account AssumeRole without identity allow", CROSS + ": The other half is a permissions policy attached to the user in the trusted account")
                        .action("sts:AssumeRole").resource("arn:aws:iam::444455556666:role/audit").resourceAccount(OTHER)
                        .trustPolicy(trust(aws("arn:aws:iam::111122223333:root"), "sts:AssumeRole"))
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "cross-account AssumeRole with the right ExternalId", "How to use an external ID: Condition StringEquals sts:ExternalId")
                        .action("sts:AssumeRole").resource("arn:aws:iam::444455556666:role/audit").resourceAccount(OTHER)
                        .identity(allow("sts:AssumeRole", "*")).ctx("sts:ExternalId", "Unique ID Assigned by Example Corp")
                        .trustPolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"},
                                  "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "Unique ID Assigned by Example Corp"}}}}""")
                        .allow(),
                of(CAT, "cross-account AssumeRole without the ExternalId", "How to use an external ID: Condition StringEquals sts:ExternalId")
                        .action("sts:AssumeRole").resource("arn:aws:iam::444455556666:role/audit").resourceAccount(OTHER)
                        .identity(allow("sts:AssumeRole", "*"))
                        .trustPolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"},
                                  "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "Unique ID Assigned by Example Corp"}}}}""")
                        .implicitDeny(PolicyType.ROLE_TRUST));
    }
}
