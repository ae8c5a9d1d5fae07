package dev.vigil.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MalformedPolicyDocument answers, per policy kind, with the messages AWS returns. */
class PolicyValidationTest {

    private static final String OK_STATEMENT = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}";

    private static String doc(String statement) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}";
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("not JSON", PolicyKind.IDENTITY, "{\"Version\": \"2012-10-17\", \"Statement\": [", "Syntax errors in policy."),
                Arguments.of("trailing garbage", PolicyKind.IDENTITY, doc(OK_STATEMENT) + " x", "Syntax errors in policy."),
                Arguments.of("duplicate key", PolicyKind.IDENTITY,
                        "{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\", \"Statement\": [" + OK_STATEMENT + "]}",
                        "Syntax errors in policy."),
                Arguments.of("a JSON array", PolicyKind.IDENTITY, "[" + OK_STATEMENT + "]", "Syntax errors in policy."),
                Arguments.of("resource policy that is not JSON", PolicyKind.RESOURCE, "policy",
                        "Policies must be valid JSON and the first byte must be '{'"),
                Arguments.of("unknown version", PolicyKind.IDENTITY,
                        "{\"Version\": \"2012-10-18\", \"Statement\": [" + OK_STATEMENT + "]}", "The policy failed legacy parsing"),
                Arguments.of("lower-case effect", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"), "The policy failed legacy parsing"),
                Arguments.of("lower-case effect in a bucket policy", PolicyKind.RESOURCE,
                        doc("{\"Effect\": \"hello\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b\"}"),
                        "Invalid effect: hello"),
                Arguments.of("missing Effect", PolicyKind.IDENTITY, doc("{\"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"),
                        "Missing required field Effect"),
                Arguments.of("missing Statement", PolicyKind.IDENTITY, "{\"Version\": \"2012-10-17\"}", "Missing required field Statement"),
                Arguments.of("unknown statement field (IAM)", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resources\": \"*\"}"), "Syntax errors in policy."),
                Arguments.of("unknown statement field (bucket policy)", PolicyKind.RESOURCE,
                        doc("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resources\": \"*\"}"),
                        "Unknown field Resources"),
                Arguments.of("unknown top-level field", PolicyKind.RESOURCE,
                        "{\"Version\": \"2012-10-17\", \"Condition\": {}, \"Statement\": []}", "Unknown field Condition"),
                Arguments.of("Principal in an identity policy", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"s3:*\", \"Resource\": \"*\"}"),
                        "Policy document should not specify a principal."),
                Arguments.of("NotPrincipal in a permissions boundary", PolicyKind.BOUNDARY,
                        doc("{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"111122223333\"}, \"Action\": \"s3:*\", \"Resource\": \"*\"}"),
                        "Policy document should not specify a principal."),
                Arguments.of("Principal in a session policy", PolicyKind.SESSION,
                        doc("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}"),
                        "Policy document should not specify a principal."),
                Arguments.of("Principal in an SCP", PolicyKind.SCP,
                        doc("{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}"),
                        "The provided policy document does not meet the requirements of the specified policy type."),
                Arguments.of("bucket policy without Principal", PolicyKind.RESOURCE,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/*\"}"),
                        "Missing required field Principal"),
                Arguments.of("trust policy without Principal", PolicyKind.TRUST,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}"),
                        "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!"),
                Arguments.of("trust policy with Resource", PolicyKind.TRUST,
                        doc("{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}"),
                        "Has prohibited field Resource"),
                Arguments.of("trust policy with a malformed principal", PolicyKind.TRUST,
                        doc("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/*\"}, \"Action\": \"sts:AssumeRole\"}"),
                        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::111122223333:role/*\""),
                Arguments.of("trust policy with an unknown principal type", PolicyKind.TRUST,
                        doc("{\"Effect\": \"Allow\", \"Principal\": {\"User\": \"bob\"}, \"Action\": \"sts:AssumeRole\"}"),
                        "Invalid principal in policy: \"User\":\"bob\""),
                Arguments.of("bucket policy with a malformed principal", PolicyKind.RESOURCE,
                        doc("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"user\"}, \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b\"}"),
                        "Invalid principal in policy"),
                Arguments.of("missing Action", PolicyKind.IDENTITY, doc("{\"Effect\": \"Allow\", \"Resource\": \"*\"}"),
                        "Policy statement must contain actions."),
                Arguments.of("empty Action list", PolicyKind.IDENTITY, doc("{\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}"),
                        "Policy statement must contain actions."),
                Arguments.of("action without a vendor", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"GetObject\", \"Resource\": \"*\"}"),
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("action with two colons", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:Get:Object\", \"Resource\": \"*\"}"),
                        "Actions/Condition can contain only one colon."),
                Arguments.of("wildcard vendor", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"*:Untag*\", \"Resource\": \"*\"}"),
                        "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards"),
                Arguments.of("bucket policy with an invalid action", PolicyKind.RESOURCE,
                        doc("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"invalid_action\", \"Resource\": \"arn:aws:s3:::b\"}"),
                        "Policy has invalid action"),
                Arguments.of("missing Resource", PolicyKind.IDENTITY, doc("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}"),
                        "Policy statement must contain resources."),
                Arguments.of("resource that is not an ARN", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"sns:Publish\", \"Resource\": \"sns-topic-name\"}"),
                        "Resource sns-topic-name must be in ARN format or \"*\"."),
                Arguments.of("bucket policy with an invalid resource", PolicyKind.RESOURCE,
                        doc("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"bucket\"}"),
                        "Policy has invalid resource"),
                Arguments.of("both Action and NotAction", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}"),
                        "Syntax errors in policy."),
                Arguments.of("condition key without a vendor", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"SourceIp\": \"1.2.3.4\"}}}"),
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("condition without an operator", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"servicecatalog:accountLevel\": \"self\"}}"),
                        "Syntax errors in policy."),
                Arguments.of("unknown condition operator", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEqual\": {\"aws:username\": \"a\"}}}"),
                        "Syntax errors in policy."),
                Arguments.of("NullIfExists is not an operator", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"NullIfExists\": {\"aws:username\": \"true\"}}}"),
                        "Syntax errors in policy."),
                Arguments.of("Sid with a hyphen", PolicyKind.IDENTITY,
                        doc("{\"Sid\": \"autogenerated-id\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}"),
                        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"),
                Arguments.of("duplicate Sids", PolicyKind.IDENTITY,
                        doc("{\"Sid\": \"A\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                                + " {\"Sid\": \"A\", \"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}"),
                        "Statement IDs (SID) in a single policy must be unique."),
                Arguments.of("SCP syntax error", PolicyKind.SCP, "{",
                        "The provided policy document does not meet the requirements of the specified policy type."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects_with_aws_message(String name, PolicyKind kind, String json, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(json, kind))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("Sid with spaces in a bucket policy", PolicyKind.RESOURCE,
                        doc("{\"Sid\": \"Allow public read\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}")),
                Arguments.of("SNS topic policy without Resource", PolicyKind.RESOURCE,
                        doc("{\"Principal\": {\"AWS\": \"999999999999\"}, \"Effect\": \"Allow\", \"Action\": \"sns:*\"}")),
                Arguments.of("trust policy with every principal type", PolicyKind.TRUST,
                        doc("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"111122223333\", \"arn:aws:iam::111122223333:root\","
                                + " \"arn:aws:iam::111122223333:user/path/bob\", \"arn:aws:iam::111122223333:role/r\","
                                + " \"arn:aws:sts::111122223333:assumed-role/r/s\", \"arn:aws:sts::111122223333:federated-user/f\"],"
                                + " \"Service\": \"ec2.amazonaws.com\", \"Federated\": \"cognito-identity.amazonaws.com\"},"
                                + " \"Action\": [\"sts:AssumeRole\", \"sts:AssumeRoleWithWebIdentity\", \"sts:TagSession\"]}")),
                Arguments.of("version 2008-10-17", PolicyKind.IDENTITY,
                        "{\"Version\": \"2008-10-17\", \"Statement\": [" + OK_STATEMENT + "]}"),
                Arguments.of("no version", PolicyKind.IDENTITY, "{\"Statement\": " + OK_STATEMENT + "}"),
                Arguments.of("Id element", PolicyKind.RESOURCE,
                        "{\"Version\": \"2012-10-17\", \"Id\": \"S3-Policy\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\","
                                + " \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b\"}]}"),
                Arguments.of("SCP with NotAction and conditions", PolicyKind.SCP,
                        doc("{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"organizations:*\"], \"Resource\": \"*\","
                                + " \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\"]}}}")),
                Arguments.of("condition values of every JSON scalar type", PolicyKind.IDENTITY,
                        doc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {"
                                + "\"NumericLessThan\": {\"s3:max-keys\": 10}, \"Bool\": {\"aws:SecureTransport\": true},"
                                + " \"ForAnyValue:StringLikeIfExists\": {\"aws:TagKeys\": [\"a*\", \"b\"]},"
                                + " \"StringEquals\": {\"aws:ResourceTag/aws:cloudformation:stack-name\": \"x\"}}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String name, PolicyKind kind, String json) {
        Policy p = PolicyParser.parse(json, kind);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.statements()).isNotEmpty();
    }

    @Test
    void parses_each_document_once() {
        String json = doc(OK_STATEMENT);
        assertThat(PolicyParser.parse(json, PolicyKind.IDENTITY)).isSameAs(PolicyParser.parse(json, PolicyKind.IDENTITY));
    }

    @Test
    void exposes_statements_and_context_keys_for_the_simulator() {
        Policy p = PolicyParser.parse(doc("{\"Sid\": \"S1\", \"Effect\": \"Deny\", \"Action\": \"s3:*\","
                + " \"Resource\": \"arn:aws:s3:::b/${aws:username}/*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}"),
                PolicyKind.IDENTITY);
        Statement s = p.statements().get(0);
        assertThat(s.sid()).isEqualTo("S1");
        assertThat(s.effect()).isEqualTo(Effect.DENY);
        assertThat(s.conditions()).singleElement().satisfies(c -> {
            assertThat(c.operator()).isEqualTo(ConditionOperator.IP_ADDRESS);
            assertThat(c.key()).isEqualTo("aws:SourceIp");
        });
        assertThat(p.contextKeys()).containsExactly("aws:SourceIp", "aws:username");
    }

    @Test
    void size_quotas_count_characters_without_white_space() {
        String small = doc(OK_STATEMENT);
        String padded = small.replace(" ", " ".repeat(400));
        assertThat(PolicySizeLimit.MANAGED.size(padded)).isEqualTo(PolicySizeLimit.MANAGED.size(small));
        PolicyParser.parse(padded, PolicyKind.IDENTITY, PolicySizeLimit.USER_INLINE);
    }

    @Test
    void size_quotas_answer_like_iam() {
        String big = doc(("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::" + "x".repeat(6200) + "\"}"));
        assertThatThrownBy(() -> PolicyParser.parse(big, PolicyKind.IDENTITY, PolicySizeLimit.MANAGED))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("LimitExceeded");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Cannot exceed quota for PolicySize: 6144");
                });
        assertThatThrownBy(() -> PolicySizeLimit.USER_INLINE.check("alice", doc(OK_STATEMENT), big))
                .hasMessage("Maximum policy size of 2048 bytes exceeded for user alice");
        assertThatThrownBy(() -> PolicySizeLimit.ROLE_INLINE.check("app", big, big))
                .hasMessage("Maximum policy size of 10240 bytes exceeded for role app");
        assertThatThrownBy(() -> PolicySizeLimit.TRUST.check("", big))
                .hasMessage("Cannot exceed quota for ACLSizePerRole: 2048");
        PolicySizeLimit.GROUP_INLINE.check("devs", doc(OK_STATEMENT));
    }

    @Test
    void scp_size_counts_white_space() {
        String json = doc(OK_STATEMENT);
        String spaced = json.replace(" ", " ".repeat(1000));
        assertThat(PolicySizeLimit.SCP.size(spaced)).isGreaterThan(5120);
        assertThatThrownBy(() -> PolicyParser.parse(spaced, PolicyKind.SCP, PolicySizeLimit.SCP))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ConstraintViolationException"));
    }
}
