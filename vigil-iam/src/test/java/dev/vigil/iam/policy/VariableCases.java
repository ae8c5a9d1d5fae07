package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.ACCOUNT;
import static dev.vigil.iam.policy.EngineCase.of;
import static dev.vigil.iam.policy.EngineCase.roleSession;
import static dev.vigil.iam.policy.EngineCase.user;

import java.util.Map;
import java.util.stream.Stream;

/** Policy variables in Resource and Condition values; Version 2008-10-17 keeps them literal. */
final class VariableCases {
    private static final String CAT = "variables";
    private static final String VARS = "IAM policy elements: Variables and tags";

    private static final String HOME = """
            {"Version": "2012-10-17", "Statement": [
              {"Action": ["s3:ListBucket"], "Effect": "Allow", "Resource": ["arn:aws:s3:::mybucket"],
               "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}}},
              {"Action": ["s3:GetObject", "s3:PutObject"], "Effect": "Allow", "Resource": ["arn:aws:s3:::mybucket/${aws:username}/*"]}]}""";

    private VariableCases() {}

    private static EngineCase.Builder v(String name, String source) {
        return of(CAT, name, source);
    }

    static Stream<EngineCase> cases() {
        return Stream.of(
                v("${aws:username} in Resource: own folder", VARS + ": Resource element - mybucket/${aws:username}/*")
                        .principal(user(ACCOUNT, "David")).resource("arn:aws:s3:::mybucket/David/notes.txt").identity(HOME).allow(),
                v("${aws:username} in Resource: someone else's folder", VARS + ": IAM replaces the variable ${aws:username} with the friendly name of the actual current user")
                        .principal(user(ACCOUNT, "David")).resource("arn:aws:s3:::mybucket/Adele/notes.txt").identity(HOME)
                        .implicitDeny(PolicyType.IDENTITY),
                v("${aws:username} in a StringLike condition", VARS + ": Condition {\"StringLike\": {\"s3:prefix\": [\"${aws:username}/*\"]}}")
                        .principal(user(ACCOUNT, "David")).action("s3:ListBucket").resource("arn:aws:s3:::mybucket")
                        .ctx("s3:prefix", "David/2024/").identity(HOME).allow(),
                v("${aws:username} condition with another prefix", VARS + ": Condition {\"StringLike\": {\"s3:prefix\": [\"${aws:username}/*\"]}}")
                        .principal(user(ACCOUNT, "David")).action("s3:ListBucket").resource("arn:aws:s3:::mybucket")
                        .ctx("s3:prefix", "Adele/").identity(HOME).implicitDeny(PolicyType.IDENTITY),
                v("own access keys via ${aws:username}", VARS + ": Resource arn:aws:iam::account-id:user/${aws:username}")
                        .principal(user(ACCOUNT, "David")).action("iam:CreateAccessKey").resource("arn:aws:iam::111122223333:user/David")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [{"Action": ["iam:*AccessKey*"], "Effect": "Allow",
                                  "Resource": ["arn:aws:iam::111122223333:user/${aws:username}"]}]}""")
                        .allow(),
                v("queues named after the user", VARS + ": Resource arn:aws:sqs:us-east-2:*:${aws:username}-queue")
                        .principal(user(ACCOUNT, "David")).action("sqs:SendMessage").resource("arn:aws:sqs:us-east-2:111122223333:David-queue")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [{"Sid": "AllQueueActions", "Effect": "Allow", "Action": "sqs:*",
                                  "Resource": "arn:aws:sqs:us-east-2:*:${aws:username}-queue"}]}""")
                        .allow(),
                v("a role session has no aws:username", VARS + ": Principal key values - aws:username is not present for a role; any attempt to match it fails")
                        .principal(roleSession(ACCOUNT, "app", "David")).resource("arn:aws:s3:::mybucket/David/notes.txt")
                        .identity(HOME).implicitDeny(PolicyType.IDENTITY),
                v("a default value for a missing variable", VARS + ": Specifying default values - ${aws:username, 'anonymous'}")
                        .principal(roleSession(ACCOUNT, "app", "s1")).resource("arn:aws:s3:::mybucket/anonymous/readme")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                                  "Resource": "arn:aws:s3:::mybucket/${aws:username, 'anonymous'}/*"}}""")
                        .allow(),
                v("a default is not used when the variable has a value", VARS + ": Specifying default values")
                        .principal(user(ACCOUNT, "David")).resource("arn:aws:s3:::mybucket/anonymous/readme")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                                  "Resource": "arn:aws:s3:::mybucket/${aws:username, 'anonymous'}/*"}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                v("${aws:PrincipalTag/department} in Resource", VARS + ": \"Resource\": [\"arn:aws:s3:::bucket/${aws:PrincipalTag/department}\"]")
                        .principal(EngineCase.user(ACCOUNT, "alice").withTags(Map.of("department", "finance")))
                        .resource("arn:aws:s3:::bucket/finance")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                                  "Resource": ["arn:aws:s3:::bucket/${aws:PrincipalTag/department}"]}}""")
                        .allow(),
                v("an untagged principal and ${aws:PrincipalTag/department}", VARS + ": If AWS cannot resolve a variable, this might cause the entire statement to be invalid")
                        .resource("arn:aws:s3:::bucket/finance")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                                  "Resource": ["arn:aws:s3:::bucket/${aws:PrincipalTag/department}"]}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                v("an unresolved variable makes a Deny not apply", VARS + ": If AWS cannot resolve a variable, this might cause the entire statement to be invalid")
                        .principal(roleSession(ACCOUNT, "app", "s1")).identity(EngineCase.allow("s3:*", "*"))
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
                                  "Condition": {"StringNotEquals": {"s3:prefix": "${aws:username}"}}}}""")
                        .allow(),
                v("${aws:userid} of a role session", VARS + ": Principal key values - aws:userid for a role is role-id:caller-specified-role-name")
                        .principal(roleSession(ACCOUNT, "app", "s1")).resource("arn:aws:s3:::home/AROAAPPEXAMPLE01:s1/file")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                                  "Resource": "arn:aws:s3:::home/${aws:userid}/*"}}""")
                        .allow(),
                v("${*} is a literal asterisk", VARS + ": Special characters - ${*} use where you need an * (asterisk) character")
                        .resource("arn:aws:s3:::bucket/a*b")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/a${*}b"}}""")
                        .allow(),
                v("${*} is not a wildcard", VARS + ": inserting an * asterisk in the string would be interpreted as a wildcard ... instead use ${*}")
                        .resource("arn:aws:s3:::bucket/axyzb")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/a${*}b"}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                v("${?} is a literal question mark", VARS + ": ${?} use where you need a ? (question mark) character")
                        .ctx("s3:prefix", "what?").action("s3:ListBucket")
                        .identity(EngineCase.allowIf("s3:ListBucket", "*", "{\"StringLike\": {\"s3:prefix\": \"what${?}\"}}")).allow(),
                v("${?} does not match any character", VARS + ": ${?} use where you need a ? (question mark) character")
                        .ctx("s3:prefix", "whatX").action("s3:ListBucket")
                        .identity(EngineCase.allowIf("s3:ListBucket", "*", "{\"StringLike\": {\"s3:prefix\": \"what${?}\"}}"))
                        .implicitDeny(PolicyType.IDENTITY),
                v("${$} is a literal dollar sign", VARS + ": ${$} use where you need a $ (dollar sign) character")
                        .ctx("s3:prefix", "${aws:username}").action("s3:ListBucket")
                        .identity(EngineCase.allowIf("s3:ListBucket", "*", "{\"StringEquals\": {\"s3:prefix\": \"${$}{aws:username}\"}}")).allow(),
                v("variable names are case-insensitive", VARS + ": Key names are case-insensitive. aws:CurrentTime is equivalent to AWS:currenttime")
                        .principal(user(ACCOUNT, "David")).resource("arn:aws:s3:::mybucket/David/x")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::mybucket/${AWS:UserName}/*"}}""")
                        .allow(),
                v("Version 2008-10-17 keeps ${aws:username} literal", "IAM JSON policy elements: Version - variables such as ${aws:username} ... are treated as literal strings")
                        .principal(user(ACCOUNT, "David")).resource("arn:aws:s3:::mybucket/David/x")
                        .identity("""
                                {"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::mybucket/${aws:username}/*"}}""")
                        .implicitDeny(PolicyType.IDENTITY),
                v("no Version keeps ${aws:username} literal", VARS + ": If you don't include the Version element ... variables like ${aws:username} are treated as literal strings")
                        .principal(user(ACCOUNT, "David")).resource("arn:aws:s3:::mybucket/${aws:username}/x")
                        .identity("""
                                {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::mybucket/${aws:username}/*"}}""")
                        .allow(),
                v("variable in an ArnEquals condition", "Condition operators, ARN: You can use a policy variable with the ARN condition operator")
                        .principal(user(ACCOUNT, "David")).ctx("aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:David-topic")
                        .identity(EngineCase.allowIf("s3:GetObject", "*",
                                "{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:*:${aws:username}-topic\"}}"))
                        .allow(),
                v("variable in the SNS endpoint example", VARS + ": Condition element - sns:endpoint https://example.com/${aws:username}/")
                        .principal(user(ACCOUNT, "David")).action("sns:Subscribe").resource("arn:aws:sns:us-east-1:111122223333:t")
                        .ctx("sns:endpoint", "https://example.com/David/").ctx("sns:Protocol", "https")
                        .identity("""
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:*", "Resource": "*",
                                  "Condition": {"StringLike": {"sns:endpoint": "https://example.com/${aws:username}/"},
                                                "StringEquals": {"sns:Protocol": "https"}}}]}""")
                        .allow());
    }
}
