package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.ACCOUNT;
import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.deny;
import static dev.vigil.iam.policy.EngineCase.of;
import static dev.vigil.iam.policy.EngineCase.resourceAllow;
import static dev.vigil.iam.policy.EngineCase.roleSession;
import static dev.vigil.iam.policy.EngineCase.user;

import java.util.stream.Stream;

/** Permissions boundaries and session policies: intersections with identity-based permissions. */
final class BoundaryAndSessionCases {
    private static final String CAT = "boundary+session";
    private static final String BOUNDARIES = "Permissions boundaries for IAM entities";
    private static final String EFFECTIVE = BOUNDARIES + ": Evaluating effective permissions with boundaries";
    private static final String DELEGATE = BOUNDARIES + ": Delegating responsibility to others using permissions boundaries";
    private static final String SESSIONS = "Policies and permissions: Session policies";
    private static final String STEP6 = "Determining whether a request is allowed or denied within an account: Session policies";

    private static final String SHIRLEY_BOUNDARY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "cloudwatch:*", "ec2:*"], "Resource": "*"}]}""";

    private static final String XCOMPANY_BOUNDARIES = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "ServiceBoundaries", "Effect": "Allow", "Action": ["s3:*", "cloudwatch:*", "ec2:*", "dynamodb:*"], "Resource": "*"},
              {"Sid": "AllowIAMConsoleForCredentials", "Effect": "Allow", "Action": ["iam:ListUsers", "iam:GetAccountPasswordPolicy"], "Resource": "*"},
              {"Sid": "AllowManageOwnPasswordAndAccessKeys", "Effect": "Allow",
                "Action": ["iam:*AccessKey*", "iam:ChangePassword", "iam:GetUser", "iam:*ServiceSpecificCredential*", "iam:*SigningCertificate*"],
                "Resource": ["arn:aws:iam::*:user/${aws:username}"]},
              {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]},
              {"Sid": "DenyEC2Production", "Effect": "Deny", "Action": "ec2:*", "Resource": "arn:aws:ec2:*:*:instance/i-1234567890abcdef0"}]}""";

    private static final String DELEGATED_USER_BOUNDARY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "CreateOrChangeOnlyWithBoundary", "Effect": "Allow",
                "Action": ["iam:CreateUser", "iam:DeleteUserPolicy", "iam:AttachUserPolicy", "iam:DetachUserPolicy", "iam:PutUserPermissionsBoundary"],
                "Resource": "*",
                "Condition": {"StringEquals": {"iam:PermissionsBoundary": "arn:aws:iam::111122223333:policy/XCompanyBoundaries"}}},
              {"Sid": "CloudWatchAndOtherIAMTasks", "Effect": "Allow", "Action": ["cloudwatch:*", "iam:GetUser", "iam:ListUsers", "iam:DeleteUser"], "Resource": "*"},
              {"Sid": "NoBoundaryUserDelete", "Effect": "Deny", "Action": "iam:DeleteUserPermissionsBoundary", "Resource": "*"}]}""";

    private static final String IAM_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "IAM", "Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""";

    private BoundaryAndSessionCases() {}

    private static RequestPrincipal session() {
        return roleSession(ACCOUNT, "app", "s1");
    }

    private static RequestPrincipal federated() {
        return RequestPrincipal.federatedUser("arn:aws:iam::111122223333:user/broker", "jane");
    }

    static Stream<EngineCase> cases() {
        return Stream.of(
                of(CAT, "Shirley cannot create a user", BOUNDARIES + ": If ... Shirley tries to create a user, the operation fails")
                        .principal(user(ACCOUNT, "ShirleyRodriguez")).action("iam:CreateUser").resource("arn:aws:iam::111122223333:user/new")
                        .identity(allow("iam:CreateUser", "*")).boundary(SHIRLEY_BOUNDARY)
                        .message("User: arn:aws:iam::111122223333:user/ShirleyRodriguez is not authorized to perform:"
                                + " iam:CreateUser on resource: arn:aws:iam::111122223333:user/new because no permissions"
                                + " boundary allows the iam:CreateUser action")
                        .implicitDeny(PolicyType.BOUNDARY),
                of(CAT, "Shirley can use S3 inside her boundary", EFFECTIVE + ": The effective permissions are everything that is allowed by both policy types")
                        .principal(user(ACCOUNT, "ShirleyRodriguez")).identity(allow("s3:*", "*")).boundary(SHIRLEY_BOUNDARY).allow(),
                of(CAT, "a boundary alone grants nothing", BOUNDARIES + ": it limits the user's permissions but does not provide permissions on its own")
                        .boundary(SHIRLEY_BOUNDARY).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "explicit deny in the boundary", EFFECTIVE + ": An explicit deny in either of these policies overrides the allow")
                        .resource("arn:aws:s3:::logs/app.log").identity(allow("s3:*", "*")).boundary(XCOMPANY_BOUNDARIES)
                        .matched(null, "ServiceBoundaries", "DenyS3Logs")
                        .message("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject"
                                + " on resource: arn:aws:s3:::logs/app.log with an explicit deny in a permissions boundary")
                        .explicitDeny(PolicyType.BOUNDARY),
                of(CAT, "boundary deny on one EC2 instance", DELEGATE + ": The DenyEC2Production statement explicitly denies access to the instance")
                        .action("ec2:TerminateInstances").resource("arn:aws:ec2:us-east-1:111122223333:instance/i-1234567890abcdef0")
                        .identity(allow("ec2:*", "*")).boundary(XCOMPANY_BOUNDARIES).explicitDeny(PolicyType.BOUNDARY),
                of(CAT, "boundary allows managing own access keys", DELEGATE + ": AllowManageOwnPasswordAndAccessKeys allows the users manage only their own ... access keys")
                        .action("iam:CreateAccessKey").resource("arn:aws:iam::111122223333:user/alice")
                        .identity(IAM_ALL).boundary(XCOMPANY_BOUNDARIES).allow(),
                of(CAT, "boundary stops managing another user's keys", DELEGATE + ": prevents that from happening")
                        .action("iam:CreateAccessKey").resource("arn:aws:iam::111122223333:user/bob")
                        .identity(IAM_ALL).boundary(XCOMPANY_BOUNDARIES).implicitDeny(PolicyType.BOUNDARY),
                of(CAT, "Zhang creates a user with the required boundary", DELEGATE + ": allows Zhang to create IAM users but only if he uses the XCompanyBoundaries policy")
                        .principal(user(ACCOUNT, "Zhang")).action("iam:CreateUser").resource("arn:aws:iam::111122223333:user/new")
                        .ctx("iam:PermissionsBoundary", "arn:aws:iam::111122223333:policy/XCompanyBoundaries")
                        .identity(IAM_ALL).boundary(DELEGATED_USER_BOUNDARY).allow(),
                of(CAT, "Zhang creates a user with another boundary", DELEGATE + ": allows Zhang to create IAM users but only if he uses the XCompanyBoundaries policy")
                        .principal(user(ACCOUNT, "Zhang")).action("iam:CreateUser").resource("arn:aws:iam::111122223333:user/new")
                        .ctx("iam:PermissionsBoundary", "arn:aws:iam::111122223333:policy/AdminEverything")
                        .identity(IAM_ALL).boundary(DELEGATED_USER_BOUNDARY).implicitDeny(PolicyType.BOUNDARY),
                of(CAT, "Zhang cannot delete a permissions boundary", DELEGATE + ": The NoBoundaryUserDelete statement denies Zhang access to delete the permissions boundary")
                        .principal(user(ACCOUNT, "Zhang")).action("iam:DeleteUserPermissionsBoundary").resource("arn:aws:iam::111122223333:user/new")
                        .identity(IAM_ALL).boundary(DELEGATED_USER_BOUNDARY).explicitDeny(PolicyType.BOUNDARY),
                of(CAT, "boundary does not reduce a resource-based grant to the user", EFFECTIVE + ": Within an account, permissions boundaries do not reduce the permissions granted by resource-based policies")
                        .boundary(SHIRLEY_BOUNDARY).action("sqs:SendMessage").resource("arn:aws:sqs:us-east-1:111122223333:q")
                        .resourcePolicy(resourceAllow("{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}", "sqs:SendMessage", "*"))
                        .allow(),
                of(CAT, "role session with an allowing session policy", SESSIONS + ": the intersection of the identity-based policies ... and the session policies")
                        .principal(session()).identity(allow("s3:*", "*")).session(allow("s3:GetObject", "*")).allow(),
                of(CAT, "role session with a silent session policy", STEP6 + ": If a session policy is present and does not allow the requested action, then the request is implicitly denied")
                        .principal(session()).identity(allow("s3:*", "*")).session(allow("s3:PutObject", "*"))
                        .message("User: arn:aws:sts::111122223333:assumed-role/app/s1 is not authorized to perform:"
                                + " s3:GetObject on resource: arn:aws:s3:::bucket/key because no session policy allows the"
                                + " s3:GetObject action")
                        .implicitDeny(PolicyType.SESSION),
                of(CAT, "role session without session policies", STEP6 + ": If there is no session policy ... If the principal is a role session, then the request is Allowed")
                        .principal(session()).identity(allow("s3:*", "*")).allow(),
                of(CAT, "session policy cannot grant beyond the role", SESSIONS + ": Session policies limit permissions for a created session, but do not grant permissions")
                        .principal(session()).identity(allow("sqs:*", "*")).session(allow("*", "*")).implicitDeny(PolicyType.IDENTITY),
                of(CAT, "explicit deny in a session policy", SESSIONS + ": An explicit deny in any of these policies overrides the allow")
                        .principal(session()).identity(allow("s3:*", "*")).session(allow("s3:*", "*")).session(deny("s3:GetObject", "*"))
                        .message("User: arn:aws:sts::111122223333:assumed-role/app/s1 is not authorized to perform:"
                                + " s3:GetObject on resource: arn:aws:s3:::bucket/key with an explicit deny in a session policy")
                        .explicitDeny(PolicyType.SESSION),
                of(CAT, "several session policies: one allowing is enough", SESSIONS + ": You can pass a single JSON inline session policy ... and up to 10 managed session policies")
                        .principal(session()).identity(allow("*", "*")).session(allow("sqs:*", "*")).session(allow("s3:GetObject", "*"))
                        .allow(),
                of(CAT, "boundary, session policy and identity all allow", SESSIONS + ": the resulting session's permissions are the intersection of the session policy, the permissions boundary, and the identity-based policy")
                        .principal(session()).identity(allow("s3:*", "*")).boundary(allow("s3:*", "*")).session(allow("s3:Get*", "*"))
                        .allow(),
                of(CAT, "boundary silent under an allowing session policy", SESSIONS + ": intersection of the session policy, the permissions boundary, and the identity-based policy")
                        .principal(session()).identity(allow("s3:*", "*")).boundary(allow("sqs:*", "*")).session(allow("s3:*", "*"))
                        .implicitDeny(PolicyType.BOUNDARY),
                of(CAT, "federated user with an allowing session policy", SESSIONS + ": The resulting session's permissions are the intersection of the IAM user's identity-based policy and the session policy")
                        .principal(federated()).identity(allow("s3:*", "*")).session(allow("s3:GetObject", "*")).allow(),
                of(CAT, "federated user without a session policy", STEP6 + ": If there is no session policy ... Otherwise, the request is implicitly denied")
                        .principal(federated()).identity(allow("s3:*", "*")).implicitDeny(PolicyType.SESSION),
                of(CAT, "resource policy names the federated user session", "Determining whether a request is allowed or denied within an account: IAM federated user sessions - grant permissions directly to the session")
                        .principal(federated())
                        .resourcePolicy(resourceAllow("{\"AWS\": \"arn:aws:sts::111122223333:federated-user/jane\"}", "s3:GetObject", "arn:aws:s3:::bucket/*"))
                        .allow(),
                of(CAT, "resource policy names the IAM user who federated", "Determining whether a request is allowed or denied within an account: if a resource-based policy grants permission to the ARN of the IAM user who federated, requests ... are limited by an implicit deny in a ... session policy")
                        .principal(federated()).session(allow("sqs:*", "*"))
                        .resourcePolicy(resourceAllow("{\"AWS\": \"arn:aws:iam::111122223333:user/broker\"}", "s3:GetObject", "arn:aws:s3:::bucket/*"))
                        .implicitDeny(PolicyType.SESSION),
                of(CAT, "session tag in a condition", "Passing session tags in AWS STS: session tags are principal tags (aws:PrincipalTag)")
                        .principal(session().withTags(java.util.Map.of("project", "blue"))).identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                                  "Condition": {"StringEquals": {"aws:PrincipalTag/project": "blue"}}}}""")
                        .allow());
    }
}
