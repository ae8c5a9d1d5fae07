package dev.vigil.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.spi.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** userIdentity per principal type follows AWS's "CloudTrail userIdentity element" examples. */
class CloudTrailEventFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final Instant TIME = Instant.parse("2026-11-30T01:02:03.456Z");
    private static final Instant SESSION = Instant.parse("2026-11-30T00:00:00Z");

    private final CloudTrailEventFormat format = new CloudTrailEventFormat();

    @Test
    void rootUser() throws Exception {
        JsonNode id = render(record(Caller.root(ACCOUNT, "AKIAROOTKEY000000000"))).get("userIdentity");
        assertThat(id.toString()).isEqualTo("{\"type\":\"Root\",\"principalId\":\"123456789012\","
                + "\"arn\":\"arn:aws:iam::123456789012:root\",\"accountId\":\"123456789012\","
                + "\"accessKeyId\":\"AKIAROOTKEY000000000\"}");
    }

    @Test
    void iamUser() throws Exception {
        Caller alice = new Caller(ACCOUNT, "arn:aws:iam::123456789012:user/Alice", PrincipalType.IAM_USER,
                "AIDAJ45Q7YFFAREXAMPLE", "AKIAIOSFODNN7EXAMPLE", "Alice", null, null, false);
        JsonNode id = render(record(alice)).get("userIdentity");
        assertThat(id.toString()).isEqualTo("{\"type\":\"IAMUser\",\"principalId\":\"AIDAJ45Q7YFFAREXAMPLE\","
                + "\"arn\":\"arn:aws:iam::123456789012:user/Alice\",\"accountId\":\"123456789012\","
                + "\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"userName\":\"Alice\"}");
    }

    @Test
    void iamUserWithSessionTokenHasAttributesOnly() throws Exception {
        Caller alice = new Caller(ACCOUNT, "arn:aws:iam::123456789012:user/Alice", PrincipalType.IAM_USER,
                "AIDAJ45Q7YFFAREXAMPLE", "ASIAEXAMPLE000000000", "Alice", null, SESSION, true);
        JsonNode ctx = render(record(alice)).get("userIdentity").get("sessionContext");
        assertThat(ctx.toString()).isEqualTo("{\"attributes\":{\"creationDate\":\"2026-11-30T00:00:00Z\","
                + "\"mfaAuthenticated\":\"true\"}}");
    }

    @Test
    void assumedRole() throws Exception {
        Caller role = new Caller(ACCOUNT, "arn:aws:sts::123456789012:assumed-role/RoleToBeAssumed/MySessionName",
                PrincipalType.ASSUMED_ROLE, "AROAIDPPEZS35WEXAMPLE:MySessionName", "ASIAEXAMPLE000000000",
                "MySessionName", "arn:aws:iam::123456789012:role/RoleToBeAssumed", SESSION, false);
        JsonNode id = render(record(role)).get("userIdentity");
        assertThat(id.toString()).isEqualTo("{\"type\":\"AssumedRole\","
                + "\"principalId\":\"AROAIDPPEZS35WEXAMPLE:MySessionName\","
                + "\"arn\":\"arn:aws:sts::123456789012:assumed-role/RoleToBeAssumed/MySessionName\","
                + "\"accountId\":\"123456789012\",\"accessKeyId\":\"ASIAEXAMPLE000000000\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAIDPPEZS35WEXAMPLE\","
                + "\"arn\":\"arn:aws:iam::123456789012:role/RoleToBeAssumed\",\"accountId\":\"123456789012\","
                + "\"userName\":\"RoleToBeAssumed\"},"
                + "\"attributes\":{\"creationDate\":\"2026-11-30T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}}");
    }

    @Test
    void assumedRoleWithoutIssuerArnDerivesTheRoleArn() throws Exception {
        Caller role = new Caller(ACCOUNT, "arn:aws:sts::123456789012:assumed-role/Deployer/ci", PrincipalType.ASSUMED_ROLE,
                "AROAEXAMPLEROLEID0000:ci", "ASIAEXAMPLE000000000", "ci", null, null, false);
        JsonNode issuer = render(record(role)).get("userIdentity").get("sessionContext").get("sessionIssuer");
        assertThat(issuer.get("arn").asText()).isEqualTo("arn:aws:iam::123456789012:role/Deployer");
        assertThat(issuer.get("userName").asText()).isEqualTo("Deployer");
    }

    @Test
    void federatedUser() throws Exception {
        Caller fed = new Caller(ACCOUNT, "arn:aws:sts::123456789012:federated-user/Bob", PrincipalType.FEDERATED_USER,
                "123456789012:Bob", "ASIAEXAMPLE000000000", "Bob", "arn:aws:iam::123456789012:user/Alice", SESSION, false);
        JsonNode id = render(record(fed)).get("userIdentity");
        assertThat(id.get("type").asText()).isEqualTo("FederatedUser");
        assertThat(id.get("principalId").asText()).isEqualTo("123456789012:Bob");
        assertThat(id.get("arn").asText()).isEqualTo("arn:aws:sts::123456789012:federated-user/Bob");
        assertThat(id.get("sessionContext").toString()).isEqualTo("{\"sessionIssuer\":{\"type\":\"IAMUser\","
                + "\"arn\":\"arn:aws:iam::123456789012:user/Alice\",\"accountId\":\"123456789012\",\"userName\":\"Alice\"},"
                + "\"attributes\":{\"creationDate\":\"2026-11-30T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}");
    }

    @Test
    void awsServiceIsInvokedByAndActsAsItsOwnSourceAndAgent() throws Exception {
        AuditRecord r = record(Caller.service("sns.amazonaws.com", ACCOUNT), null, null);
        JsonNode event = render(r);
        assertThat(event.get("userIdentity").toString())
                .isEqualTo("{\"type\":\"AWSService\",\"invokedBy\":\"sns.amazonaws.com\"}");
        assertThat(event.get("sourceIPAddress").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(event.get("userAgent").asText()).isEqualTo("sns.amazonaws.com");
    }

    @Test
    void awsAccount() throws Exception {
        Caller other = new Caller("210987654321", "arn:aws:iam::210987654321:root", PrincipalType.AWS_ACCOUNT,
                "210987654321", null, null, null, null, false);
        assertThat(render(record(other)).get("userIdentity").toString())
                .isEqualTo("{\"type\":\"AWSAccount\",\"principalId\":\"210987654321\",\"accountId\":\"210987654321\"}");
    }

    @Test
    void missingCallerAndAnonymousAreTheAnonymousPrincipal() throws Exception {
        String anonymous = "{\"type\":\"AWSAccount\",\"principalId\":\"\",\"accountId\":\"ANONYMOUS_PRINCIPAL\"}";
        assertThat(render(record(null)).get("userIdentity").toString()).isEqualTo(anonymous);
        Caller anon = new Caller(ACCOUNT, null, PrincipalType.ANONYMOUS, null, null, null, null, null, false);
        assertThat(render(record(anon)).get("userIdentity").toString()).isEqualTo(anonymous);
    }

    @Test
    void membersInAwsOrderWithSecondPrecisionTime() throws Exception {
        JsonNode event = render(record(Caller.root(ACCOUNT, "AKIAROOTKEY000000000")));
        assertThat(fieldNames(event)).containsExactly("eventVersion", "userIdentity", "eventTime", "eventSource",
                "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestParameters", "responseElements",
                "requestID", "eventID", "readOnly", "resources", "eventType", "managementEvent", "recipientAccountId",
                "eventCategory", "tlsDetails");
        assertThat(event.get("eventVersion").asText()).isEqualTo("1.11");
        assertThat(event.get("eventTime").asText()).isEqualTo("2026-11-30T01:02:03Z");
        assertThat(event.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(event.get("eventName").asText()).isEqualTo("CreateRole");
        assertThat(event.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(event.get("requestParameters").toString()).isEqualTo("{\"roleName\":\"Admin\"}");
        assertThat(event.get("responseElements").toString()).isEqualTo("{\"role\":{\"roleName\":\"Admin\"}}");
        assertThat(event.get("readOnly").isBoolean()).isTrue();
        assertThat(event.get("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(event.get("managementEvent").asBoolean()).isTrue();
        assertThat(event.get("eventCategory").asText()).isEqualTo("Management");
        assertThat(event.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(event.get("tlsDetails").toString()).isEqualTo("{\"tlsVersion\":\"TLSv1.3\"}");
        assertThat(event.get("resources").toString()).isEqualTo("[{\"accountId\":\"123456789012\","
                + "\"type\":\"AWS::IAM::Role\",\"ARN\":\"arn:aws:iam::123456789012:role/Admin\"}]");
    }

    @Test
    void failedCallCarriesErrorAndNullResponse() throws Exception {
        AuditRecord r = new AuditRecord("e1", TIME, "req-1", Caller.root(ACCOUNT, "AKIA"), ACCOUNT, "eu-west-1",
                "10.0.0.1", "aws-cli/2.9", "sqs.amazonaws.com", "DeleteQueue", false, true, "{\"queueUrl\":\"q\"}",
                null, "AccessDenied", "User is not authorized", List.of("*"), null);
        JsonNode event = render(r);
        assertThat(event.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(event.get("errorMessage").asText()).isEqualTo("User is not authorized");
        assertThat(event.get("responseElements").isNull()).isTrue();
        assertThat(event.has("resources")).isFalse(); // "*" names no resource
        assertThat(event.has("tlsDetails")).isFalse();
    }

    @Test
    void dataEventCategoryAndUnknownResourceTypeOmitted() throws Exception {
        AuditRecord r = new AuditRecord("e2", TIME, "req-2", Caller.root(ACCOUNT, "AKIA"), ACCOUNT, "us-east-1",
                "10.0.0.1", "ua", "sqs.amazonaws.com", "SendMessage", false, false, null, null, null, null,
                List.of("arn:aws:sqs:us-east-1:123456789012:jobs", "arn:aws:foo:us-east-1:123456789012:thing/x"), null);
        JsonNode event = render(r);
        assertThat(event.get("managementEvent").asBoolean()).isFalse();
        assertThat(event.get("eventCategory").asText()).isEqualTo("Data");
        assertThat(event.get("requestParameters").isNull()).isTrue();
        assertThat(event.get("resources").get(0).get("type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(event.get("resources").get(1).has("type")).isFalse();
    }

    @Test
    void invalidEmbeddedJsonBecomesNullAndOversizedBodiesAreDropped() throws Exception {
        AuditRecord broken = new AuditRecord("e3", TIME, "r", null, ACCOUNT, "us-east-1", "1.2.3.4", "ua",
                "logs.amazonaws.com", "PutLogEvents", false, true, "{not json", null, null, null, List.of(), null);
        assertThat(render(broken).get("requestParameters").isNull()).isTrue();

        String huge = "{\"message\":\"" + "x".repeat(CloudTrailEventFormat.MAX_RECORD_CHARS) + "\"}";
        AuditRecord big = new AuditRecord("e4", TIME, "r", null, ACCOUNT, "us-east-1", "1.2.3.4", "ua",
                "logs.amazonaws.com", "PutLogEvents", false, true, huge, huge, null, null, List.of(), null);
        String json = format.toJson(big);
        assertThat(json.length()).isLessThan(CloudTrailEventFormat.MAX_RECORD_CHARS);
        assertThat(JSON.readTree(json).get("requestParameters").isNull()).isTrue();
    }

    @Test
    void embeddedBodiesAreWrittenAsATreeRoundTripWouldWriteThem() throws Exception {
        String body = "{\"a\":[1,2.5,1.0E10,12345678901234,-0.0,{\"b\":\"\\u00e9\\n\\\"q\\\"\"}],\"c\":null,"
                + "\"d\":true,\"e\":{}} trailing";
        AuditRecord r = new AuditRecord("e5", TIME, "r", null, ACCOUNT, "us-east-1", "1.2.3.4", "ua",
                "monitoring.amazonaws.com", "PutMetricData", false, false, body, "null", null, null, List.of(), null);
        String json = format.toJson(r);
        String expected = JSON.writeValueAsString(JSON.readTree(body));
        assertThat(json).contains("\"requestParameters\":" + expected + ",\"responseElements\":null,");
    }

    @Test
    void usernameForLookupPerPrincipalType() {
        assertThat(StoredEvent.username(Caller.root(ACCOUNT, "k"))).isEqualTo("root");
        assertThat(StoredEvent.username(Caller.service("events.amazonaws.com", ACCOUNT))).isEqualTo("events.amazonaws.com");
        assertThat(StoredEvent.username(new Caller(ACCOUNT, "arn:aws:sts::1:assumed-role/R/sess", PrincipalType.ASSUMED_ROLE,
                "AROA:sess", "k", null, null, null, false))).isEqualTo("sess");
        assertThat(StoredEvent.username(null)).isNull();
    }

    private AuditRecord record(Caller caller) {
        return record(caller, "203.0.113.7", "aws-sdk-java/2.59.1");
    }

    private AuditRecord record(Caller caller, String ip, String agent) {
        return new AuditRecord("11111111-2222-3333-4444-555555555555", TIME, "req-1", caller, ACCOUNT, "us-east-1", ip,
                agent, "iam.amazonaws.com", "CreateRole", true, true, "{\"roleName\":\"Admin\"}",
                "{\"role\":{\"roleName\":\"Admin\"}}", null, null, List.of("arn:aws:iam::123456789012:role/Admin"),
                "TLSv1.3");
    }

    private JsonNode render(AuditRecord r) throws Exception {
        return JSON.readTree(format.toJson(r));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
