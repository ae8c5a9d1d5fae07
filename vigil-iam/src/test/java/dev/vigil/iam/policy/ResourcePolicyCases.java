package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.ACCOUNT;
import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.of;
import static dev.vigil.iam.policy.EngineCase.resourceAllow;
import static dev.vigil.iam.policy.EngineCase.roleSession;
import static dev.vigil.iam.policy.EngineCase.trust;

import java.util.Map;
import java.util.stream.Stream;

/** Same-account resource-based policies, the Principal/NotPrincipal forms, and role trust policies. */
final class ResourcePolicyCases {
    private static final String CAT = "resource-based";
    private static final String STEP3 = "Determining whether a request is allowed or denied within an account: Resource-based policies";
    private static final String PRINCIPAL = "AWS JSON policy elements: Principal";
    private static final String NOTPRINCIPAL = "AWS JSON policy elements: NotPrincipal";
    private static final String EXTERNAL = "Policy evaluation logic: resource-based policies grant permissions to the"
            + " principal specified; a service principal has no identity-based policy";
    private static final String SESSIONS = "Policies and permissions: Session policies";

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ROLE = "arn:aws:iam::111122223333:role/examplerole";
    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/examplerole/examplerolesessionname";
    private static final String BUCKET = "arn:aws:s3:::bucket/*";
    private static final String ONLY_SQS = allow("sqs:*", "*");

    private ResourcePolicyCases() {}

    private static String aws(String... arns) {
        return arns.length == 1 ? "{\"AWS\": \"" + arns[0] + "\"}" : "{\"AWS\": [\"" + String.join("\", \"", arns) + "\"]}";
    }

    private static RequestPrincipal session() {
        return roleSession(ACCOUNT, "examplerole", "examplerolesessionname");
    }

    static Stream<EngineCase> cases() {
        return Stream.of(
                of(CAT, "user ARN named, no identity policy", STEP3 + ": IAM user - not limited by an implicit deny in an identity-based policy")
                        .resourcePolicy(resourceAllow(aws(ALICE), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "user ARN named, boundary silent", STEP3 + ": IAM user - not limited by an implicit deny in ... permissions boundary")
                        .boundary(ONLY_SQS).resourcePolicy(resourceAllow(aws(ALICE), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "role session ARN named, no identity policy", STEP3 + ": IAM role session - grant permissions directly to the assumed role session")
                        .principal(session()).resourcePolicy(resourceAllow(aws(SESSION), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "role session ARN named, session policy silent", STEP3 + ": not limited by an implicit deny in ... session policy")
                        .principal(session()).session(ONLY_SQS)
                        .resourcePolicy(resourceAllow(aws(SESSION), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "role session ARN named, boundary silent", STEP3 + ": not limited by an implicit deny in ... a permissions boundary")
                        .principal(session()).boundary(ONLY_SQS)
                        .resourcePolicy(resourceAllow(aws(SESSION), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "role ARN named, no identity policy", SESSIONS + ": the permissions from the resource-based policy are added to the role's identity-based policy")
                        .principal(session()).resourcePolicy(resourceAllow(aws(ROLE), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "role ARN named, boundary silent", STEP3 + ": IAM role - limited by an implicit deny in a permissions boundary")
                        .principal(session()).boundary(ONLY_SQS)
                        .resourcePolicy(resourceAllow(aws(ROLE), "s3:GetObject", BUCKET))
                        .message("User: " + SESSION + " is not authorized to perform: s3:GetObject on resource:"
                                + " arn:aws:s3:::bucket/key because no permissions boundary allows the s3:GetObject action")
                        .implicitDeny(PolicyType.BOUNDARY),
                of(CAT, "role ARN named, session policy silent", STEP3 + ": IAM role - limited by an implicit deny in ... session policy")
                        .principal(session()).session(ONLY_SQS)
                        .resourcePolicy(resourceAllow(aws(ROLE), "s3:GetObject", BUCKET))
                        .message("User: " + SESSION + " is not authorized to perform: s3:GetObject on resource:"
                                + " arn:aws:s3:::bucket/key because no session policy allows the s3:GetObject action")
                        .implicitDeny(PolicyType.SESSION),
                of(CAT, "role ARN named, session policy allows", SESSIONS + ": intersection of the session policies and either the resource-based policy or the identity-based policy")
                        .principal(session()).session(allow("s3:*", "*"))
                        .resourcePolicy(resourceAllow(aws(ROLE), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "account named, no identity policy", PRINCIPAL + ": an administrator in that account must then grant access to an identity")
                        .resourcePolicy(resourceAllow(aws(ACCOUNT), "s3:GetObject", BUCKET)).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "account root ARN named, identity allows", PRINCIPAL + ": The account ARN and the shortened account ID behave the same way")
                        .identity(allow("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:root"), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "account root ARN named does not mean only root", PRINCIPAL + ": Using the account ARN ... does not limit permissions to only the root user")
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:root"), "s3:GetObject", BUCKET))
                        .identity(allow("s3:*", "*")).allow(),
                of(CAT, "Principal * allows a user of the account alone", PRINCIPAL + ": For IAM users and role principals within your account, no other permissions are required")
                        .resourcePolicy(resourceAllow("\"*\"", "s3:GetObject", BUCKET)).allow(),
                of(CAT, "Principal {AWS: *} is the same as *", PRINCIPAL + ": the following elements are equivalent: \"Principal\": \"*\" / {\"AWS\": \"*\"}")
                        .principal(session()).boundary(ONLY_SQS)
                        .resourcePolicy(resourceAllow("{\"AWS\": \"*\"}", "s3:GetObject", BUCKET)).allow(),
                of(CAT, "another user named", STEP3 + ": the resource-based policy does not allow this principal")
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:user/bob"), "s3:GetObject", BUCKET))
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "array of principals is an OR", PRINCIPAL + ": This is a logical OR and not a logical AND")
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:user/bob", ALICE), "s3:GetObject", BUCKET))
                        .allow(),
                of(CAT, "user name in a Principal ARN is case sensitive", PRINCIPAL + ": the user name part of the ARN is case sensitive")
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:user/Alice"), "s3:GetObject", BUCKET))
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "user with a path is named by its full ARN", PRINCIPAL + ": \"Principal\": { \"AWS\": \"arn:aws:iam::AWS-account-ID:user/user-name\" }")
                        .principal(RequestPrincipal.user(ACCOUNT, "/division/", "alice", "AIDAALICEEXAMPLE0001", Map.of()))
                        .resourcePolicy(resourceAllow(aws("arn:aws:iam::111122223333:user/division/alice"), "s3:GetObject", BUCKET))
                        .allow(),
                of(CAT, "unique principal id stands for the user", PRINCIPAL + ": IAM transforms the ARN to the user's unique principal ID")
                        .resourcePolicy(resourceAllow(aws("AIDAALICEEXAMPLE0001"), "s3:GetObject", BUCKET)).allow(),
                of(CAT, "deny naming another user does not touch alice", STEP3 + ": a Deny applies only to the principals it names")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy(EngineCase.resourceDeny(aws("arn:aws:iam::111122223333:user/bob"), "s3:*", BUCKET))
                        .allow(),
                of(CAT, "NotPrincipal Deny sparing user and account", NOTPRINCIPAL + ": all principals except the user named Bob ... are explicitly denied")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                                  "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root"]},
                                  "Action": "s3:*", "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]}]}""")
                        .allow(),
                of(CAT, "NotPrincipal Deny catches everyone else", NOTPRINCIPAL + ": the actions ... are explicitly denied to all principals except for the ones specified")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                                  "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/bob", "arn:aws:iam::111122223333:root"]},
                                  "Action": "s3:*", "Resource": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]}]}""")
                        .explicitDeny(PolicyType.RESOURCE),
                of(CAT, "NotPrincipal Deny without the account ARN denies the user too", NOTPRINCIPAL + ": If the NotPrincipal element contained only Bob's ARN, the effect ... might be to explicitly deny access to the AWS account")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                                  "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:*", "Resource": "arn:aws:s3:::bucket/*"}]}""")
                        .explicitDeny(PolicyType.RESOURCE),
                of(CAT, "NotPrincipal Deny sparing session, role and account", NOTPRINCIPAL + ": contains the ARN of the assumed-role user, the role, and the AWS account")
                        .principal(session()).identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": [
                                  "arn:aws:sts::111122223333:assumed-role/examplerole/examplerolesessionname",
                                  "arn:aws:iam::111122223333:role/examplerole", "arn:aws:iam::111122223333:root"]},
                                  "Action": "s3:*", "Resource": "arn:aws:s3:::bucket/*"}]}""")
                        .allow(),
                of(CAT, "NotPrincipal Deny missing the role ARN denies the session", NOTPRINCIPAL + ": If the NotPrincipal element was missing the ARN of the role, the effect ... might be to explicitly deny access to the role")
                        .principal(session()).identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": [
                                  "arn:aws:sts::111122223333:assumed-role/examplerole/examplerolesessionname", "arn:aws:iam::111122223333:root"]},
                                  "Action": "s3:*", "Resource": "arn:aws:s3:::bucket/*"}]}""")
                        .explicitDeny(PolicyType.RESOURCE),
                of(CAT, "aws:PrincipalArn instead of NotPrincipal: others denied", PRINCIPAL + ": UsePrincipalArnInsteadOfNotPrincipalWithDeny")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Sid": "UsePrincipalArnInsteadOfNotPrincipalWithDeny",
                                  "Effect": "Deny", "Action": "s3:*", "Principal": "*", "Resource": ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket"],
                                  "Condition": {"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::444455556666:user/user-name"}}}]}""")
                        .explicitDeny(PolicyType.RESOURCE),
                of(CAT, "aws:PrincipalArn of a role session is the role ARN", "AWS global condition context keys: aws:PrincipalArn (IAM role: the ARN of the role)")
                        .principal(session())
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                                  "Resource": "arn:aws:s3:::bucket/*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/examplerole"}}}]}""")
                        .allow(),
                of(CAT, "service principal with matching aws:SourceArn", "Condition operators, ARN: gives Amazon SNS permission to send messages ... on behalf of a particular topic")
                        .principal(RequestPrincipal.service("sns.amazonaws.com")).action("sqs:SendMessage")
                        .resource("arn:aws:sqs:us-east-1:111122223333:queue").resourceAccount(ACCOUNT)
                        .ctx("aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:topic")
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                                  "Action": "SQS:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue",
                                  "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic"}}}}""")
                        .allow(),
                of(CAT, "service principal from another topic", "Condition operators, ARN: If the key ... is not present ... the values do not match")
                        .principal(RequestPrincipal.service("sns.amazonaws.com")).action("sqs:SendMessage")
                        .resource("arn:aws:sqs:us-east-1:111122223333:queue")
                        .ctx("aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:other")
                        .resourcePolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                                  "Action": "SQS:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue",
                                  "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic"}}}}""")
                        .implicitDeny(PolicyType.RESOURCE),
                of(CAT, "service principal not named", PRINCIPAL + ": AWS service principals")
                        .principal(RequestPrincipal.service("events.amazonaws.com")).action("sqs:SendMessage")
                        .resource("arn:aws:sqs:us-east-1:111122223333:queue")
                        .resourcePolicy(resourceAllow("{\"Service\": [\"sns.amazonaws.com\", \"s3.amazonaws.com\"]}", "sqs:SendMessage", "*"))
                        .implicitDeny(PolicyType.RESOURCE),
                of(CAT, "service principal without any resource policy", EXTERNAL)
                        .principal(RequestPrincipal.service("sns.amazonaws.com")).action("sqs:SendMessage")
                        .resource("arn:aws:sqs:us-east-1:111122223333:queue")
                        .message("User: sns.amazonaws.com is not authorized to perform: sqs:SendMessage on resource:"
                                + " arn:aws:sqs:us-east-1:111122223333:queue because no resource-based policy allows the"
                                + " sqs:SendMessage action")
                        .implicitDeny(PolicyType.RESOURCE),
                of(CAT, "anonymous caller and Principal *", PRINCIPAL + ": using a wildcard (*) with an Allow effect grants access to all users, including anonymous users")
                        .principal(RequestPrincipal.anonymous())
                        .resourcePolicy(resourceAllow("\"*\"", "s3:GetObject", BUCKET)).allow(),
                of(CAT, "anonymous caller and an account principal", PRINCIPAL + ": AWS account principals delegate to the account's identities, not to everyone")
                        .principal(RequestPrincipal.anonymous())
                        .resourcePolicy(resourceAllow(aws(ACCOUNT), "s3:GetObject", BUCKET)).implicitDeny(PolicyType.RESOURCE),
                of(CAT, "CanonicalUser principal", PRINCIPAL + ": Amazon S3 lets you specify a canonical user ID")
                        .principal(EngineCase.user(ACCOUNT, "alice").withCanonicalUserId(
                                "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"))
                        .identity(allow("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow("{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}",
                                "s3:GetObject", BUCKET))
                        .allow(),
                of(CAT, "trust policy names the user: no identity policy needed", STEP3 + ": For most resources ... IAM role trust policies ... must explicitly allow access for principals")
                        .action("sts:AssumeRole").resource("arn:aws:iam::111122223333:role/target")
                        .trustPolicy(trust(aws(ALICE), "sts:AssumeRole")).allow(),
                of(CAT, "trust policy names the account: identity policy must allow", PRINCIPAL + ": For cross-account access, you must specify the 12-digit identifier of the trusted account")
                        .action("sts:AssumeRole").resource("arn:aws:iam::111122223333:role/target")
                        .identity(allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/target"))
                        .trustPolicy(trust(aws("arn:aws:iam::111122223333:root"), "sts:AssumeRole")).allow(),
                of(CAT, "trust policy names the account, no identity allow", PRINCIPAL + ": an administrator in that account must then grant access to an identity")
                        .action("sts:AssumeRole").resource("arn:aws:iam::111122223333:role/target")
                        .trustPolicy(trust(aws(ACCOUNT), "sts:AssumeRole")).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "identity allow without trust", STEP3 + ": IAM role trust policies and KMS key policies are exceptions to this logic")
                        .action("sts:AssumeRole").resource("arn:aws:iam::111122223333:role/target")
                        .identity(allow("sts:AssumeRole", "*"))
                        .trustPolicy(trust(aws("arn:aws:iam::111122223333:user/bob"), "sts:AssumeRole"))
                        .message("User: " + ALICE + " is not authorized to perform: sts:AssumeRole on resource:"
                                + " arn:aws:iam::111122223333:role/target")
                        .implicitDeny(PolicyType.ROLE_TRUST),
                of(CAT, "trust policy explicit deny", "Troubleshoot access denied error messages: Access denied due to role trust policies")
                        .action("sts:AssumeRole").resource("arn:aws:iam::111122223333:role/target")
                        .trustPolicy("""
                                {"Version": "2012-10-17", "Statement": [
                                  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"},
                                  {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}]}""")
                        .identity(allow("sts:AssumeRole", "*"))
                        .message("User: " + ALICE + " is not authorized to perform: sts:AssumeRole on resource:"
                                + " arn:aws:iam::111122223333:role/target with an explicit deny in the role trust policy")
                        .explicitDeny(PolicyType.ROLE_TRUST),
                of(CAT, "trust policy for a service", PRINCIPAL + ": The policy enables two services, Amazon ECS and Elastic Load Balancing, to assume the role")
                        .principal(RequestPrincipal.service("ecs.amazonaws.com")).action("sts:AssumeRole")
                        .resource("arn:aws:iam::111122223333:role/target")
                        .trustPolicy(trust("{\"Service\": [\"ecs.amazonaws.com\", \"elasticloadbalancing.amazonaws.com\"]}", "sts:AssumeRole"))
                        .allow(),
                of(CAT, "trust policy for a web identity provider", PRINCIPAL + ": Web identity session principals: \"Principal\": { \"Federated\": \"accounts.google.com\" }")
                        .principal(RequestPrincipal.identityProvider("accounts.google.com")).action("sts:AssumeRoleWithWebIdentity")
                        .resource("arn:aws:iam::111122223333:role/target").ctx("accounts.google.com:aud", "my-app")
                        .trustPolicy("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "accounts.google.com"},
                                  "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"accounts.google.com:aud": "my-app"}}}}""")
                        .allow(),
                of(CAT, "trust policy for another SAML provider", PRINCIPAL + ": SAML session principals name the provider ARN")
                        .principal(RequestPrincipal.identityProvider("arn:aws:iam::111122223333:saml-provider/Other"))
                        .action("sts:AssumeRoleWithSAML").resource("arn:aws:iam::111122223333:role/target")
                        .trustPolicy(trust("{\"Federated\": \"arn:aws:iam::111122223333:saml-provider/Corp\"}", "sts:AssumeRoleWithSAML"))
                        .implicitDeny(PolicyType.ROLE_TRUST));
    }
}
