package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.deny;
import static dev.vigil.iam.policy.EngineCase.of;
import static dev.vigil.iam.policy.EngineCase.resourceAllow;
import static dev.vigil.iam.policy.EngineCase.user;

import java.util.stream.Stream;

/** Single-account evaluation: implicit and explicit deny, identity policies, NotAction/NotResource. */
final class EvaluationLogicCases {
    private static final String CAT = "evaluation";
    private static final String DENYALLOW = "Policy evaluation logic: Determining whether a request is allowed or denied within an account";
    private static final String INTERPLAY = "Policy evaluation logic: The difference between explicit and implicit denies";
    private static final String EXAMPLE = "Policy evaluation logic: Example identity-based and resource-based policy evaluation";
    private static final String POLICIES = "Policies and permissions: JSON policy document structure";
    private static final String NOTACTION = "IAM JSON policy elements: NotAction";
    private static final String NOTRESOURCE = "IAM JSON policy elements: NotResource";

    /** The AllowGetList/DenyReports policy from "The difference between explicit and implicit denies". */
    private static final String GET_LIST_DENY_REPORTS = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowGetList", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
              {"Sid": "DenyReports", "Effect": "Deny", "Action": "iam:*Report", "Resource": "*"}]}""";

    /** Carlos's user policy from the example identity-based and resource-based policy evaluation. */
    private static final String CARLOS = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowS3ListRead", "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock",
                 "s3:ListAccessPoints", "s3:ListAllMyBuckets"], "Resource": "arn:aws:s3:::*"},
              {"Sid": "AllowS3Self", "Effect": "Allow", "Action": "s3:*",
                 "Resource": ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]},
              {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::*log*"}]}""";

    private static final String CARLOS_BUCKET = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "CarlosOnly", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::123456789012:user/carlossalazar"}, "Action": "s3:*",
              "Resource": ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]}]}""";

    private EvaluationLogicCases() {}

    static Stream<EngineCase> cases() {
        return Stream.of(
                of(CAT, "no policy: implicit deny", DENYALLOW + ": By default, all requests are implicitly denied")
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject"
                                + " on resource: arn:aws:s3:::bucket/key because no identity-based policy allows the"
                                + " s3:GetObject action")
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "identity-based allow", DENYALLOW + ": An explicit allow in an identity-based policy overrides this default")
                        .identity(allow("s3:GetObject", "arn:aws:s3:::bucket/key")).allow(),
                of(CAT, "deny beats allow in one policy", DENYALLOW + ": An explicit deny in any policy overrides any allows")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [
                                  {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                  {"Sid": "D", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]}""")
                        .matched("A", "D")
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject"
                                + " on resource: arn:aws:s3:::bucket/key with an explicit deny in an identity-based policy")
                        .explicitDeny(PolicyType.IDENTITY),
                of(CAT, "deny in a second policy beats allow in the first", DENYALLOW + ": An explicit deny in any policy overrides any allows")
                        .identity(allow("s3:*", "*")).identity(deny("s3:Get*", "*")).explicitDeny(PolicyType.IDENTITY),
                of(CAT, "allow for another action only", DENYALLOW + ": no statement allows the requested action -> implicit deny")
                        .identity(allow("s3:PutObject", "*")).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "allow for another resource only", DENYALLOW + ": no statement allows the requested action -> implicit deny")
                        .identity(allow("s3:GetObject", "arn:aws:s3:::other/*")).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "group policy allows", DENYALLOW + ": For an IAM user, these include user policies and policies from groups")
                        .identity(allow("sqs:ListQueues", "arn:aws:sqs:*:*:*")).identity(allow("s3:GetObject", "*")).allow(),
                of(CAT, "statements are ORed", POLICIES + ": AWS applies a logical OR across the statements")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [
                                  {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"},
                                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""").allow(),
                of(CAT, "Statement as a single object", "IAM JSON policy elements: Statement (a single statement or an array)")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""")
                        .allow(),
                of(CAT, "deny only, nothing allowed", NOTACTION + ": this would not grant the user access to any actions")
                        .identity(deny("iam:*", "*")).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "AllowGetList allows iam:GetUser", INTERPLAY + ": The AllowGetList statement allows read-only access")
                        .action("iam:GetUser").resource("arn:aws:iam::111122223333:user/bob")
                        .identity(GET_LIST_DENY_REPORTS).matched("AllowGetList").allow(),
                of(CAT, "DenyReports denies iam:GetOrganizationsAccessReport", INTERPLAY + ": DenyReports explicitly denies access to IAM reports")
                        .action("iam:GetOrganizationsAccessReport").resource("*")
                        .identity(GET_LIST_DENY_REPORTS).matched("AllowGetList", "DenyReports")
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform:"
                                + " iam:GetOrganizationsAccessReport with an explicit deny in an identity-based policy")
                        .explicitDeny(PolicyType.IDENTITY),
                of(CAT, "iam:CreatePolicy is implicitly denied", INTERPLAY + ": All other actions in IAM, such as iam:CreatePolicy are implicitly denied")
                        .action("iam:CreatePolicy").resource("*").identity(GET_LIST_DENY_REPORTS)
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "another policy allowing a report is still denied", INTERPLAY + ": report-related requests are still denied because of this explicit deny")
                        .action("iam:GenerateCredentialReport").resource("*")
                        .identity(GET_LIST_DENY_REPORTS).identity(allow("iam:GenerateCredentialReport", "*"))
                        .explicitDeny(PolicyType.IDENTITY),
                of(CAT, "Carlos: PutObject to carlossalazar-logs", EXAMPLE + ": the DenyS3Logs statement explicitly denies Carlos access")
                        .principal(user("123456789012", "carlossalazar")).action("s3:PutObject")
                        .resource("arn:aws:s3:::carlossalazar-logs/file.txt")
                        .identity(CARLOS).matched("DenyS3Logs").explicitDeny(PolicyType.IDENTITY),
                of(CAT, "Carlos: PutObject to his own bucket", EXAMPLE + ": Both the identity-based policy and the resource-based policy allow the request")
                        .principal(user("123456789012", "carlossalazar")).action("s3:PutObject")
                        .resource("arn:aws:s3:::carlossalazar/file.txt")
                        .identity(CARLOS).resourcePolicy(CARLOS_BUCKET).matched("CarlosOnly", "AllowS3Self").allow(),
                of(CAT, "Carlos: ListAllMyBuckets via AllowS3ListRead", EXAMPLE + ": AllowS3ListRead allows Carlos to view a list of all of the buckets")
                        .principal(user("123456789012", "carlossalazar")).action("s3:ListAllMyBuckets")
                        .resource("arn:aws:s3:::carlossalazar").identity(CARLOS).allow(),
                of(CAT, "resource policy alone allows the named user", EXAMPLE + ": If one of the policy types allows the request and the other doesn't, the request is still allowed")
                        .principal(user("123456789012", "carlossalazar")).action("s3:PutObject")
                        .resource("arn:aws:s3:::carlossalazar/file.txt").resourcePolicy(CARLOS_BUCKET).allow(),
                of(CAT, "identity allows, resource policy silent", EXAMPLE + ": If either the identity-based policy or the resource-based policy allows")
                        .identity(allow("s3:GetObject", "*"))
                        .resourcePolicy(resourceAllow("{\"AWS\": \"arn:aws:iam::111122223333:user/bob\"}", "s3:GetObject", "*"))
                        .allow(),
                of(CAT, "resource policy deny beats identity allow", DENYALLOW + ": An explicit deny in any policy overrides any allows")
                        .identity(allow("s3:*", "*"))
                        .resourcePolicy(EngineCase.resourceDeny("\"*\"", "s3:GetObject", "arn:aws:s3:::bucket/*"))
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject"
                                + " on resource: arn:aws:s3:::bucket/key with an explicit deny in a resource-based policy")
                        .explicitDeny(PolicyType.RESOURCE),
                of(CAT, "NotAction Allow: everything but IAM allows S3", NOTACTION + ": allows users to access every action in every AWS service except for IAM")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""")
                        .allow(),
                of(CAT, "NotAction Allow: IAM is not allowed", NOTACTION + ": allows users to access every action in every AWS service except for IAM")
                        .action("iam:CreateUser").resource("arn:aws:iam::111122223333:user/x")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "NotAction Allow scoped to S3 resources excludes DeleteBucket", NOTACTION + ": all of the Amazon S3 actions ... except for deleting a bucket")
                        .action("s3:DeleteBucket").resource("arn:aws:s3:::bucket")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "NotAction Allow scoped to S3 resources does not reach ListAllMyBuckets on *", NOTACTION + ": does not allow ListAllMyBuckets, because that action requires the \"*\" resource")
                        .action("s3:ListAllMyBuckets").resource("*")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                of(CAT, "NotAction Deny without MFA denies non-IAM actions", NOTACTION + ": denies access to non-IAM actions if the user is not signed in using MFA")
                        .identity(allow("*", "*"))
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [{"Sid": "DenyAllUsersNotUsingMFA", "Effect": "Deny",
                                  "NotAction": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}""")
                        .explicitDeny(PolicyType.IDENTITY),
                of(CAT, "NotAction Deny without MFA leaves IAM actions alone", NOTACTION + ": explicitly deny all other actions except IAM actions")
                        .action("iam:ListUsers").resource("*").identity(allow("*", "*"))
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [{"Sid": "DenyAllUsersNotUsingMFA", "Effect": "Deny",
                                  "NotAction": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}""")
                        .allow(),
                of(CAT, "NotAction Deny with MFA has no effect", NOTACTION + ": If the user is signed in with MFA, then the Condition test fails")
                        .ctx("aws:MultiFactorAuthPresent", "true").identity(allow("*", "*"))
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
                                  "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}""")
                        .allow(),
                of(CAT, "NotResource Deny: outside HRBucket/Payroll is denied", NOTRESOURCE + ": explicitly denies access to all Amazon S3 resources other than the listed resources")
                        .resource("arn:aws:s3:::HRBucket/Other/doc").identity(allow("s3:*", "*"))
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*",
                                  "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}}""")
                        .explicitDeny(PolicyType.IDENTITY),
                of(CAT, "NotResource Deny: the Payroll folder is not denied", NOTRESOURCE + ": this policy does not grant the user access ... add a corresponding Allow")
                        .resource("arn:aws:s3:::HRBucket/Payroll/2024.csv").identity(allow("s3:*", "*"))
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*",
                                  "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}}""")
                        .allow(),
                of(CAT, "NotResource Allow allows every resource not listed", NOTRESOURCE + ": NotResource with Allow allows all resources ... that are not explicitly listed")
                        .resource("arn:aws:s3:::public/x")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}}""")
                        .allow(),
                of(CAT, "NotResource Allow does not allow the listed resource", NOTRESOURCE + ": resources specified in this element are the only resources that are limited")
                        .resource("arn:aws:s3:::secret/x")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}}""")
                        .implicitDeny(PolicyType.IDENTITY));
    }
}
