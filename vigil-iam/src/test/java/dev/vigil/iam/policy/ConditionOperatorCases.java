package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.ACCOUNT;
import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.allowIf;
import static dev.vigil.iam.policy.EngineCase.denyIf;
import static dev.vigil.iam.policy.EngineCase.of;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Every condition operator family, from "IAM JSON policy elements: Condition operators" and its examples.
 * Each row is one identity-based Allow (or Deny next to an allow-all) with a Condition block.
 */
final class ConditionOperatorCases {
    private static final String OPS = "IAM JSON policy elements: Condition operators";
    private static final String IMPORTANT = OPS + ", Important: If the key ... is not present in the request context, the values do not match";
    private static final String NEGATED = OPS + ", Important: If the policy condition requires that the key is not matched, such as StringNotLike ... and the right key is not present, the condition is true";
    private static final String STRING = OPS + ", String";
    private static final String NUMERIC = OPS + ", Numeric";
    private static final String DATE = OPS + ", Date";
    private static final String BOOL = OPS + ", Boolean";
    private static final String BINARY = OPS + ", Binary";
    private static final String IP = OPS + ", IP address";
    private static final String ARN = OPS + ", Amazon Resource Name (ARN)";
    private static final String NULL = OPS + ", Condition operator to check existence of condition keys";
    private static final String IFEXISTS = OPS + ", ...IfExists";
    private static final String CONDITION = "IAM JSON policy elements: Condition, The condition block";
    private static final String BUCKET = "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*";

    private ConditionOperatorCases() {}

    /** An Allow of s3:GetObject on * under the condition. */
    private static EngineCase.Builder when(String category, String name, String source, String condition) {
        return of(category, name, source).identity(allowIf("s3:GetObject", "*", condition));
    }

    /** An allow-all plus a Deny of s3:* under the condition. */
    private static EngineCase.Builder denyWhen(String category, String name, String source, String condition) {
        return of(category, name, source).resource("arn:aws:s3:::DOC-EXAMPLE-BUCKET/x").identity(allow("*", "*"))
                .identity(denyIf("s3:*", "[\"arn:aws:s3:::DOC-EXAMPLE-BUCKET\", \"" + BUCKET + "\"]", condition));
    }

    private static RequestPrincipal tagged(String key, String value) {
        return EngineCase.user(ACCOUNT, "alice").withTags(Map.of(key, value));
    }

    static Stream<EngineCase> cases() {
        return Stream.of(strings(), numerics(), dates(), booleansAndBinary(), ipAddresses(), arns(), nulls(), ifExists(), blocks())
                .flatMap(s -> s);
    }

    private static Stream<EngineCase> strings() {
        String c = "cond:string";
        String job = "{\"StringEquals\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}";
        return Stream.of(
                when(c, "StringEquals on a principal tag", STRING + ": the principal ... must be tagged with the iamuser-admin job category", job)
                        .principal(tagged("job-category", "iamuser-admin")).allow(),
                when(c, "StringEquals with another tag value", STRING + ": Exact matching, case sensitive", job)
                        .principal(tagged("job-category", "iamuser-dev")).implicitDeny(PolicyType.IDENTITY),
                when(c, "StringEquals when the tag is missing", STRING + ": If a user without the tag attempts to view or edit an access key, the condition returns false", job)
                        .implicitDeny(PolicyType.IDENTITY),
                when(c, "StringEquals is case-sensitive", STRING + ": StringEquals - Exact matching, case sensitive", job)
                        .principal(tagged("job-category", "IAMUSER-ADMIN")).implicitDeny(PolicyType.IDENTITY),
                when(c, "StringNotEquals with another value", STRING + ": StringNotEquals - Negated matching",
                        "{\"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}")
                        .ctx("aws:RequestedRegion", "eu-west-1").allow(),
                when(c, "StringNotEquals with the same value", STRING + ": StringNotEquals - Negated matching",
                        "{\"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}")
                        .ctx("aws:RequestedRegion", "us-east-1").implicitDeny(PolicyType.IDENTITY),
                when(c, "StringNotEquals with the key missing", NEGATED,
                        "{\"StringNotEquals\": {\"aws:ResourceTag/env\": \"prod\"}}").allow(),
                when(c, "StringEqualsIgnoreCase", STRING + ": StringEqualsIgnoreCase - Exact matching, ignoring case",
                        "{\"StringEqualsIgnoreCase\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}")
                        .principal(tagged("job-category", "IAMUser-Admin")).allow(),
                when(c, "StringNotEqualsIgnoreCase with a different case only", STRING + ": StringNotEqualsIgnoreCase - Negated matching, ignoring case",
                        "{\"StringNotEqualsIgnoreCase\": {\"aws:PrincipalTag/job-category\": \"iamuser-admin\"}}")
                        .principal(tagged("job-category", "IAMUSER-ADMIN")).implicitDeny(PolicyType.IDENTITY),
                when(c, "StringLike with a wildcard", IFEXISTS + ": allow the action only if the key value begins with \"t1.\", \"t2.\", or \"m3.\"",
                        "{\"StringLike\": {\"ec2:InstanceType\": [\"t1.*\", \"t2.*\", \"m3.*\"]}}")
                        .ctx("ec2:InstanceType", "t2.micro").allow(),
                when(c, "StringLike needs wildcards for partial matches", STRING + ": You must specify wildcards to achieve partial string matches",
                        "{\"StringLike\": {\"ec2:InstanceType\": \"t2\"}}")
                        .ctx("ec2:InstanceType", "t2.micro").implicitDeny(PolicyType.IDENTITY),
                when(c, "StringLike is case-sensitive", STRING + ": StringLike - Case-sensitive matching",
                        "{\"StringLike\": {\"ec2:InstanceType\": \"t2.*\"}}")
                        .ctx("ec2:InstanceType", "T2.micro").implicitDeny(PolicyType.IDENTITY),
                when(c, "StringLike with an empty value", STRING + ": s3:prefix [\"\", \"home/\", \"home/${aws:username}/\"]",
                        "{\"StringLike\": {\"s3:prefix\": [\"\", \"home/\"]}}")
                        .ctx("s3:prefix", "").allow(),
                when(c, "StringNotLike with the key missing", NEGATED,
                        "{\"StringNotLike\": {\"s3:prefix\": \"private/*\"}}").allow(),
                when(c, "StringNotLike with a matching value", STRING + ": StringNotLike - Negated case-sensitive matching",
                        "{\"StringNotLike\": {\"s3:prefix\": \"private/*\"}}")
                        .ctx("s3:prefix", "private/keys").implicitDeny(PolicyType.IDENTITY),
                when(c, "several values for one key are ORed", CONDITION + ": If a single condition operator includes multiple values for one key, ... logical OR",
                        "{\"StringEquals\": {\"aws:PrincipalTag/costCenter\": [\"12345\", \"67890\"]}}")
                        .principal(tagged("costCenter", "67890")).allow(),
                when(c, "a number in the policy compares as a string", "IAM JSON policy grammar: condition values are strings, numbers or Booleans",
                        "{\"StringEquals\": {\"aws:PrincipalTag/costCenter\": 12345}}")
                        .principal(tagged("costCenter", "12345")).allow());
    }

    private static Stream<EngineCase> numerics() {
        String c = "cond:numeric";
        String maxKeys = "{\"NumericLessThanEquals\": {\"s3:max-keys\": \"10\"}}";
        return Stream.of(
                when(c, "NumericLessThanEquals at the limit", NUMERIC + ": the requester can list up to 10 objects", maxKeys)
                        .ctx("s3:max-keys", "10").allow(),
                when(c, "NumericLessThanEquals below the limit", NUMERIC + ": the requester can list up to 10 objects", maxKeys)
                        .ctx("s3:max-keys", "3").allow(),
                when(c, "NumericLessThanEquals above the limit", NUMERIC + ": the requester can list up to 10 objects", maxKeys)
                        .ctx("s3:max-keys", "11").implicitDeny(PolicyType.IDENTITY),
                when(c, "NumericLessThanEquals with the key missing", NUMERIC + ": only the operations that include the max-keys context key ... would be allowed", maxKeys)
                        .implicitDeny(PolicyType.IDENTITY),
                when(c, "NumericEquals compares numbers, not text", NUMERIC + ": NumericEquals - Matching",
                        "{\"NumericEquals\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "10.0").allow(),
                when(c, "NumericNotEquals", NUMERIC + ": NumericNotEquals - Negated matching",
                        "{\"NumericNotEquals\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "11").allow(),
                when(c, "NumericNotEquals with the key missing", NEGATED,
                        "{\"NumericNotEquals\": {\"s3:max-keys\": \"10\"}}").allow(),
                when(c, "NumericLessThan is strict", NUMERIC + ": NumericLessThan - \"Less than\" matching",
                        "{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "10").implicitDeny(PolicyType.IDENTITY),
                when(c, "NumericGreaterThan", NUMERIC + ": NumericGreaterThan - \"Greater than\" matching",
                        "{\"NumericGreaterThan\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "11").allow(),
                when(c, "NumericGreaterThanEquals at the limit", NUMERIC + ": NumericGreaterThanEquals - \"Greater than or equals\" matching",
                        "{\"NumericGreaterThanEquals\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "10").allow(),
                when(c, "MFA age under an hour", "AWS global condition context keys: aws:MultiFactorAuthAge with NumericLessThan",
                        "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"3600\"}}")
                        .ctx("aws:MultiFactorAuthAge", "300").allow(),
                when(c, "a request value that is not a number", NUMERIC + ": restrict access based on comparing a key to an integer or decimal value",
                        "{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "ten").implicitDeny(PolicyType.IDENTITY));
    }

    private static Stream<EngineCase> dates() {
        String c = "cond:date";
        String issued2020 = "{\"DateGreaterThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:01Z\"}}";
        String window = "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2020-04-01T00:00:00Z\"}, \"DateLessThan\": {\"aws:CurrentTime\": \"2020-06-30T23:59:59Z\"}}";
        return Stream.of(
                when(c, "DateGreaterThan on aws:TokenIssueTime", DATE + ": the temporary security credentials ... were issued in 2020", issued2020)
                        .principal(EngineCase.roleSession(ACCOUNT, "app", "s1")).ctx("aws:TokenIssueTime", "2020-06-01T10:00:00Z").allow(),
                when(c, "DateGreaterThan with long-term keys", DATE + ": The aws:TokenIssueTime key is not present ... made using access keys", issued2020)
                        .implicitDeny(PolicyType.IDENTITY),
                when(c, "inside a date window", "Example IAM identity-based policies: Allows access within specific dates", window)
                        .ctx("aws:CurrentTime", "2020-05-15T12:00:00Z").allow(),
                when(c, "after a date window", "Example IAM identity-based policies: Allows access within specific dates", window)
                        .ctx("aws:CurrentTime", "2020-07-01T00:00:00Z").implicitDeny(PolicyType.IDENTITY),
                when(c, "DateLessThan is strict", DATE + ": DateLessThan - Matching before a specific date and time",
                        "{\"DateLessThan\": {\"aws:CurrentTime\": \"2020-04-01T00:00:00Z\"}}")
                        .ctx("aws:CurrentTime", "2020-04-01T00:00:00Z").implicitDeny(PolicyType.IDENTITY),
                when(c, "DateLessThanEquals at the instant", DATE + ": DateLessThanEquals - Matching at or before a specific date and time",
                        "{\"DateLessThanEquals\": {\"aws:CurrentTime\": \"2020-04-01T00:00:00Z\"}}")
                        .ctx("aws:CurrentTime", "2020-04-01T00:00:00Z").allow(),
                when(c, "DateGreaterThanEquals at the instant", DATE + ": DateGreaterThanEquals - Matching at or after a specific date and time",
                        "{\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2020-04-01T00:00:00Z\"}}")
                        .ctx("aws:CurrentTime", "2020-04-01T00:00:00Z").allow(),
                when(c, "epoch policy value against an ISO 8601 time", DATE + ": specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time",
                        "{\"DateEquals\": {\"aws:CurrentTime\": \"1577836800\"}}")
                        .ctx("aws:CurrentTime", "2020-01-01T00:00:00Z").allow(),
                when(c, "aws:EpochTime against an ISO 8601 policy value", DATE + ": You use these condition operators with aws:CurrentTime key or aws:EpochTime key",
                        "{\"DateGreaterThan\": {\"aws:EpochTime\": \"2020-12-31T00:00:00Z\"}}")
                        .ctx("aws:EpochTime", "1609459200").allow(),
                when(c, "a date without a time", DATE + ": W3C implementations of the ISO 8601 date formats (YYYY-MM-DD)",
                        "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2020-01-01\"}}")
                        .ctx("aws:CurrentTime", "2020-01-01T12:00:00Z").allow(),
                when(c, "a time with a zone offset", DATE + ": W3C implementations of the ISO 8601 date formats (hh:mm:ssTZD)",
                        "{\"DateEquals\": {\"aws:CurrentTime\": \"2020-01-01T01:00:00+01:00\"}}")
                        .ctx("aws:CurrentTime", "2020-01-01T00:00:00Z").allow(),
                when(c, "DateNotEquals", DATE + ": DateNotEquals - Negated matching",
                        "{\"DateNotEquals\": {\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}}")
                        .ctx("aws:CurrentTime", "2020-01-02T00:00:00Z").allow());
    }

    private static Stream<EngineCase> booleansAndBinary() {
        String c = "cond:bool+binary";
        String insecure = "{\"Bool\": {\"aws:SecureTransport\": \"false\"}}";
        String binary = "{\"BinaryEquals\": {\"s3:x-amz-example\": \"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}";
        return Stream.of(
                denyWhen(c, "deny S3 without TLS", BOOL + ": deny all S3 actions on a bucket ... if the request is not over SSL", insecure)
                        .ctx("aws:SecureTransport", "false").explicitDeny(PolicyType.IDENTITY),
                denyWhen(c, "TLS requests are not denied", BOOL + ": This policy does not allow any actions ... combination with other policies", insecure)
                        .ctx("aws:SecureTransport", "true").allow(),
                when(c, "Bool with the key missing", BOOL + ": If the key that you specify in a policy condition is not present ... the values do not match",
                        "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}").implicitDeny(PolicyType.IDENTITY),
                when(c, "Bool with a JSON true", BOOL + ": Boolean matching against \"true\" or \"false\"",
                        "{\"Bool\": {\"aws:MultiFactorAuthPresent\": true}}")
                        .ctx("aws:MultiFactorAuthPresent", "true").allow(),
                when(c, "BinaryEquals with equal bytes", BINARY + ": compares the value of the specified key byte for byte against a base-64 encoded representation", binary)
                        .ctx("s3:x-amz-example", "QmluYXJ5VmFsdWVJbkJhc2U2NA==").allow(),
                when(c, "BinaryEquals with other bytes", BINARY + ": compares ... byte for byte", binary)
                        .ctx("s3:x-amz-example", "T3RoZXJWYWx1ZQ==").implicitDeny(PolicyType.IDENTITY),
                when(c, "BinaryEquals with the key missing", BINARY + ": If the key ... is not present in the request context, the values do not match", binary)
                        .implicitDeny(PolicyType.IDENTITY));
    }

    private static Stream<EngineCase> ipAddresses() {
        String c = "cond:ip";
        String range = "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}";
        String mixed = "{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:DB8:1234:5678::/64\"]}}";
        String outside = "{\"NotIpAddress\": {\"aws:SourceIp\": [\"192.0.2.0/24\", \"203.0.113.0/24\"]}}";
        return Stream.of(
                when(c, "IpAddress inside the range", IP + ": the request must come from the IP range 203.0.113.0 to 203.0.113.255", range)
                        .ctx("aws:SourceIp", "203.0.113.77").allow(),
                when(c, "IpAddress outside the range", IP + ": the request must come from the IP range 203.0.113.0 to 203.0.113.255", range)
                        .ctx("aws:SourceIp", "198.51.100.7").implicitDeny(PolicyType.IDENTITY),
                when(c, "an address without a prefix is a /32", IP + ": If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32",
                        "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.5\"}}")
                        .ctx("aws:SourceIp", "203.0.113.6").implicitDeny(PolicyType.IDENTITY),
                when(c, "an IPv6 address in a /64", IP + ": mix IPv4 and IPv6 addresses to cover all of your organization's valid IP addresses", mixed)
                        .ctx("aws:SourceIp", "2001:db8:1234:5678:abcd::1").allow(),
                when(c, "an IPv6 address in another /64", IP + ": 2001:DB8:1234:5678::/64", mixed)
                        .ctx("aws:SourceIp", "2001:db8:1234:5679::1").implicitDeny(PolicyType.IDENTITY),
                when(c, "aws:SourceIp missing behind a VPC endpoint", IP + ": except when the requester uses a VPC endpoint ... the condition returns false", range)
                        .implicitDeny(PolicyType.IDENTITY),
                denyWhen(c, "NotIpAddress denies other addresses", "Example IAM identity-based policies: Denies access to AWS based on the source IP", outside)
                        .ctx("aws:SourceIp", "198.51.100.1").explicitDeny(PolicyType.IDENTITY),
                denyWhen(c, "NotIpAddress spares listed ranges", "Example IAM identity-based policies: Denies access to AWS based on the source IP", outside)
                        .ctx("aws:SourceIp", "192.0.2.10").allow(),
                when(c, "condition key names are case-insensitive", CONDITION + ": Condition key names are not case-sensitive (aws:SourceIP is AWS:SourceIp)",
                        "{\"IpAddress\": {\"AWS:SOURCEIP\": \"203.0.113.0/24\"}}")
                        .ctx("aws:SourceIp", "203.0.113.8").allow());
    }

    private static Stream<EngineCase> arns() {
        String c = "cond:arn";
        String value = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        String pattern = "arn:aws:someservice:*:111122223333:finance/*";
        return Stream.of(
                when(c, "StringLike matches across colons", ARN + ": With a StringLike condition, the match succeeds",
                        "{\"StringLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}").ctx("aws:SourceArn", value).allow(),
                when(c, "ArnLike matches component by component", ARN + ": With an ArnLike condition, which matches elements between colons, the match fails",
                        "{\"ArnLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}").ctx("aws:SourceArn", value)
                        .implicitDeny(PolicyType.IDENTITY),
                when(c, "ArnEquals accepts wildcards like ArnLike", ARN + ": The ArnEquals and ArnLike condition operators behave identically",
                        "{\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:topic-?\"}}")
                        .ctx("aws:SourceArn", "arn:aws:sns:us-west-2:111122223333:topic-a").allow(),
                when(c, "ArnLike with a wildcard region", ARN + ": Each of the six colon-delimited components ... can include wildcards",
                        "{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:*\"}}")
                        .ctx("aws:SourceArn", "arn:aws:sns:eu-west-1:111122223333:alerts").allow(),
                when(c, "ArnNotEquals with the key missing", NEGATED,
                        "{\"ArnNotEquals\": {\"aws:SourceArn\": \"arn:aws:sns:us-east-1:111122223333:t\"}}").allow(),
                when(c, "ArnNotLike with a matching ARN", ARN + ": ArnNotEquals, ArnNotLike - Negated matching for ARN",
                        "{\"ArnNotLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:*\"}}")
                        .ctx("aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:t").implicitDeny(PolicyType.IDENTITY),
                when(c, "ArnLike against a value that is not an ARN", ARN + ": restrict access based on comparing a key to an ARN",
                        "{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:*:*\"}}")
                        .ctx("aws:SourceArn", "not-an-arn").implicitDeny(PolicyType.IDENTITY));
    }

    private static Stream<EngineCase> nulls() {
        String c = "cond:null";
        String longTerm = "{\"Null\": {\"aws:TokenIssueTime\": \"true\"}}";
        return Stream.of(
                when(c, "Null true: long-term credentials", NULL + ": the user must not be using temporary credentials (the key must not exist)", longTerm)
                        .allow(),
                when(c, "Null true: temporary credentials", NULL + ": If the user is using temporary credentials, then the key aws:TokenIssueTime exists", longTerm)
                        .ctx("aws:TokenIssueTime", "2024-01-01T00:00:00Z").implicitDeny(PolicyType.IDENTITY),
                when(c, "Null false with the key present", NULL + ": false (the key exists and its value is not null)",
                        "{\"Null\": {\"aws:RequestTag/CostCenter\": \"false\"}}")
                        .ctx("aws:RequestTag/CostCenter", "12345").allow(),
                when(c, "Null false with the key absent", NULL + ": false (the key exists and its value is not null)",
                        "{\"Null\": {\"aws:RequestTag/CostCenter\": \"false\"}}").implicitDeny(PolicyType.IDENTITY));
    }

    private static Stream<EngineCase> ifExists() {
        String c = "cond:ifexists";
        String types = "{\"StringLikeIfExists\": {\"ec2:InstanceType\": [\"t1.*\", \"t2.*\", \"m3.*\"]}}";
        return Stream.of(
                when(c, "IfExists with the key missing", IFEXISTS + ": If the key is not present, evaluate the condition element as true", types)
                        .action("s3:GetObject").allow(),
                when(c, "IfExists with an allowed value", IFEXISTS + ": If the resource ... has an ec2:InstanceType condition key, then allow ... only if the key value begins with t1., t2., or m3.", types)
                        .ctx("ec2:InstanceType", "m3.large").allow(),
                when(c, "IfExists with a value outside the list", IFEXISTS + ": process the key as specified in the policy", types)
                        .ctx("ec2:InstanceType", "m5.large").implicitDeny(PolicyType.IDENTITY),
                when(c, "without IfExists the missing key fails", IFEXISTS + ": THISPOLICYDOESNOTWORK - These additional resources do not have the ec2:InstanceType condition key",
                        "{\"StringLike\": {\"ec2:InstanceType\": [\"t1.*\", \"t2.*\", \"m3.*\"]}}")
                        .implicitDeny(PolicyType.IDENTITY),
                denyWhen(c, "Deny with a negated IfExists operator and a missing key", IFEXISTS + ": If you are using an Effect: Deny element with a negated condition operator like StringNotEqualsIfExists, the request is still denied even if the tag is missing",
                        "{\"StringNotEqualsIfExists\": {\"aws:ResourceTag/team\": \"blue\"}}")
                        .explicitDeny(PolicyType.IDENTITY),
                when(c, "NumericLessThanIfExists with a present value", IFEXISTS + ": You can add IfExists to the end of any condition operator name except the Null condition",
                        "{\"NumericLessThanIfExists\": {\"s3:max-keys\": \"10\"}}")
                        .ctx("s3:max-keys", "50").implicitDeny(PolicyType.IDENTITY),
                when(c, "DateLessThanIfExists with the key missing", IFEXISTS + ": If the key is not present, evaluate the condition element as true",
                        "{\"DateLessThanIfExists\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:00Z\"}}").allow(),
                when(c, "IpAddressIfExists with the key missing", IFEXISTS + ": If the key is not present, evaluate the condition element as true",
                        "{\"IpAddressIfExists\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}").allow(),
                when(c, "BoolIfExists with the key present", IFEXISTS + ": process the key as specified in the policy",
                        "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"true\"}}")
                        .ctx("aws:MultiFactorAuthPresent", "false").implicitDeny(PolicyType.IDENTITY));
    }

    private static Stream<EngineCase> blocks() {
        String c = "cond:block";
        String twoKeys = "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\", \"aws:RequestedRegion\": \"eu-west-1\"}}";
        String twoOperators = "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\"}, \"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}";
        return Stream.of(
                when(c, "two keys under one operator, both match", CONDITION + ": multiple keys attached to a single condition operator ... are evaluated using a logical AND", twoKeys)
                        .principal(tagged("team", "blue")).ctx("aws:RequestedRegion", "eu-west-1").allow(),
                when(c, "two keys under one operator, one fails", CONDITION + ": multiple keys ... logical AND", twoKeys)
                        .principal(tagged("team", "blue")).ctx("aws:RequestedRegion", "us-east-1").implicitDeny(PolicyType.IDENTITY),
                when(c, "two operators, both hold", CONDITION + ": If you specify multiple condition operators ... the conditions are evaluated using a logical AND", twoOperators)
                        .principal(tagged("team", "blue")).ctx("aws:SourceIp", "203.0.113.9").allow(),
                when(c, "two operators, one fails", CONDITION + ": multiple condition operators ... logical AND", twoOperators)
                        .principal(tagged("team", "blue")).ctx("aws:SourceIp", "198.51.100.9").implicitDeny(PolicyType.IDENTITY),
                when(c, "an empty condition block", "IAM JSON policy grammar: the Condition block may be empty",
                        "{}").allow(),
                when(c, "the operator's values are ORed, the keys ANDed", CONDITION + ": values ORed, keys ANDed",
                        "{\"StringEquals\": {\"aws:PrincipalTag/team\": [\"red\", \"blue\"], \"aws:RequestedRegion\": [\"eu-west-1\", \"us-east-1\"]}}")
                        .principal(tagged("team", "blue")).ctx("aws:RequestedRegion", "us-east-1").allow());
    }
}
