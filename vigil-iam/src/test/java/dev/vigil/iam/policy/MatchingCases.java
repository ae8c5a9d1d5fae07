package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.of;

import java.util.stream.Stream;

/** Action and resource matching: case rules, wildcards, ARN components. */
final class MatchingCases {
    private static final String ACTIONS = "action";
    private static final String RESOURCES = "resource";
    private static final String ACTION = "IAM JSON policy elements: Action";
    private static final String RESOURCE = "IAM JSON policy elements: Resource";
    private static final String ARN_OPS = "IAM JSON policy elements: Condition operators, ARN: Each of the six colon-delimited components of the ARN is checked separately";

    private MatchingCases() {}

    private static EngineCase.Builder action(String name, String source, String requested, String pattern) {
        return of(ACTIONS, name, source).action(requested).resource("*").identity(allow(pattern, "*"));
    }

    private static EngineCase.Builder resource(String name, String source, String requested, String pattern) {
        return of(RESOURCES, name, source).action("s3:GetObject").resource(requested).identity(allow("s3:GetObject", pattern));
    }

    static Stream<EngineCase> cases() {
        return Stream.of(
                action("prefix and name are case-insensitive", ACTION + ": iam:ListAccessKeys is the same as IAM:listaccesskeys",
                        "iam:ListAccessKeys", "IAM:listaccesskeys").allow(),
                action("service wildcard", ACTION + ": \"s3:*\" applies to all S3 actions", "s3:PutBucketPolicy", "s3:*").allow(),
                action("service wildcard stays in its service", ACTION + ": \"s3:*\" applies to all S3 actions",
                        "sqs:SendMessage", "s3:*").implicitDeny(PolicyType.IDENTITY),
                action("*AccessKey* matches CreateAccessKey", ACTION + ": iam:*AccessKey* applies to ... CreateAccessKey",
                        "iam:CreateAccessKey", "iam:*AccessKey*").allow(),
                action("*AccessKey* matches ListAccessKeys", ACTION + ": iam:*AccessKey* applies to ... ListAccessKeys",
                        "iam:ListAccessKeys", "iam:*AccessKey*").allow(),
                action("*AccessKey* does not match ListUsers", ACTION + ": actions that include the string AccessKey",
                        "iam:ListUsers", "iam:*AccessKey*").implicitDeny(PolicyType.IDENTITY),
                action("? matches exactly one character", "IAM JSON policy elements: Action (wildcards * and ?)",
                        "s3:GetObject", "s3:GetObjec?").allow(),
                action("? does not match zero characters", "IAM JSON policy elements: Action (wildcards * and ?)",
                        "s3:GetObject", "s3:GetObject?").implicitDeny(PolicyType.IDENTITY),
                action("* alone matches every action", "IAM JSON policy elements: Action (\"Action\": \"*\")",
                        "cloudwatch:PutMetricData", "*").allow(),
                action("several actions are ORed", ACTION + ": You can specify multiple values for the Action element",
                        "iam:ChangePassword", "[\"sqs:SendMessage\", \"sqs:ReceiveMessage\", \"ec2:StartInstances\", \"iam:ChangePassword\", \"s3:GetObject\"]").allow(),
                action("a prefix wildcard in the name", "The difference between explicit and implicit denies: iam:Get* allows actions that begin with Get",
                        "iam:GetAccountPasswordPolicy", "iam:Get*").allow(),
                action("a suffix wildcard in the name", "The difference between explicit and implicit denies: iam:*Report matches actions with the Report suffix",
                        "iam:GenerateCredentialReport", "iam:*Report").allow(),
                resource("bucket objects", RESOURCE + ": all items within a specific Amazon S3 bucket",
                        "arn:aws:s3:::my_corporate_bucket/exampleobject.png", "arn:aws:s3:::my_corporate_bucket/*").allow(),
                resource("bucket/* does not match the bucket", RESOURCE + ": all items within a specific Amazon S3 bucket",
                        "arn:aws:s3:::my_corporate_bucket", "arn:aws:s3:::my_corporate_bucket/*").implicitDeny(PolicyType.IDENTITY),
                resource("users under a path", RESOURCE + ": all IAM users whose path is /accounting",
                        "arn:aws:iam::111122223333:user/accounting/bob", "arn:aws:iam::111122223333:user/accounting/*").allow(),
                resource("users under another path", RESOURCE + ": all IAM users whose path is /accounting",
                        "arn:aws:iam::111122223333:user/marketing/bob", "arn:aws:iam::111122223333:user/accounting/*")
                        .implicitDeny(PolicyType.IDENTITY),
                resource("resource matching is case-sensitive", "IAM identifiers: ARNs are case sensitive",
                        "arn:aws:s3:::bucket/key", "arn:aws:s3:::Bucket/*").implicitDeny(PolicyType.IDENTITY),
                resource("wildcards in region, account and resource", RESOURCE + ": You can use wildcard characters (* and ?) within any ARN segment",
                        "arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws:sqs:*:*:*").allow(),
                resource("a region wildcard never swallows the account", ARN_OPS,
                        "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
                        "arn:aws:someservice:*:111122223333:finance/*").implicitDeny(PolicyType.IDENTITY),
                resource("the resource part keeps its colons", "IAM identifiers: arn:partition:service:region:account-id:resource-type:resource-id",
                        "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1",
                        "arn:aws:logs:us-east-1:111122223333:log-group:app:*").allow(),
                resource("? in the resource part", RESOURCE + ": a question mark (?) represents any single character",
                        "arn:aws:s3:::bucket/file1.txt", "arn:aws:s3:::bucket/file?.txt").allow(),
                resource("? is exactly one character in the resource part", RESOURCE + ": a question mark (?) represents any single character",
                        "arn:aws:s3:::bucket/file10.txt", "arn:aws:s3:::bucket/file?.txt").implicitDeny(PolicyType.IDENTITY),
                resource("several resources are ORed", RESOURCE + ": You can specify multiple resources ... two DynamoDB tables",
                        "arn:aws:dynamodb:us-east-2:111122223333:table/magazines_table",
                        "[\"arn:aws:dynamodb:us-east-2:111122223333:table/books_table\", \"arn:aws:dynamodb:us-east-2:111122223333:table/magazines_table\"]")
                        .allow(),
                resource("a table that is not listed", RESOURCE + ": You can specify multiple resources ... two DynamoDB tables",
                        "arn:aws:dynamodb:us-east-2:111122223333:table/newspapers_table",
                        "[\"arn:aws:dynamodb:us-east-2:111122223333:table/books_table\", \"arn:aws:dynamodb:us-east-2:111122223333:table/magazines_table\"]")
                        .implicitDeny(PolicyType.IDENTITY),
                resource("account wildcard", RESOURCE + ": wildcard characters within any ARN segment",
                        "arn:aws:sqs:us-east-2:444455556666:queue1", "arn:aws:sqs:us-east-2:*:queue1").allow(),
                resource("* matches every resource", RESOURCE + ": you use the wildcard * in the Resource element",
                        "arn:aws:sqs:us-east-2:444455556666:queue1", "*").allow(),
                resource("an ARN pattern does not match an action without a resource", "IAM JSON policy elements: NotAction: ListAllMyBuckets ... requires the \"*\" resource",
                        "*", "arn:aws:s3:::*").implicitDeny(PolicyType.IDENTITY),
                resource("bucket name wildcard", "Policy evaluation logic example: \"arn:aws:s3:::*log*\" matches any bucket with log in its name",
                        "arn:aws:s3:::app-logs-2024", "arn:aws:s3:::*log*").allow());
    }
}
