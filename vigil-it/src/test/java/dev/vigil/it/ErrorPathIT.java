package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.vigil.protocol.sigv4.SignableRequest;
import dev.vigil.testkit.RawHttp;
import dev.vigil.testkit.VigilTestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/** Bad input of every kind gets the protocol's AWS error — never a 500 or a hang — and is audited. */
class ErrorPathIT {
    static final String TRAIL_TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static RawHttp http;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start(c -> c.withMaxBodyBytes(64 * 1024));
        http = new RawHttp(vigil.endpoint());
    }

    @AfterAll
    static void stop() { vigil.close(); }

    private static RawHttp.Response json(String target, String contentType, byte[] body) {
        SignableRequest r = http.request("POST", "/", null, Map.of("X-Amz-Target", target, "Content-Type", contentType), body);
        return http.send(RawHttp.sign(r, "test", "test", "cloudtrail", Instant.now()), body);
    }

    private static RawHttp.Response query(String service, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SignableRequest r = http.request("POST", "/", null,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body);
        return http.send(RawHttp.sign(r, "test", "test", service, Instant.now()), body);
    }

    private static JsonNode recorded(String eventName, String requestId) {
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
            return Trail.byRequestId(ct, eventName, requestId);
        }
    }

    private static void assertJsonError(RawHttp.Response r, int status, String type) throws Exception {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIsSerializationExceptionAndAudited() throws Exception {
        RawHttp.Response r = json(TRAIL_TARGET + ".LookupEvents", "application/x-amz-json-1.1",
                "{\"MaxResults\": ".getBytes(StandardCharsets.UTF_8));
        assertJsonError(r, 400, "SerializationException");
        JsonNode e = recorded("LookupEvents", r.header("x-amzn-RequestId"));
        assertThat(e).isNotNull();
        assertThat(e.path("errorCode").asText()).isEqualTo("SerializationException");
    }

    @Test
    void absurdTimestampsAreRefusedQuickly() throws Exception {
        for (String body : new String[] {"{\"StartTime\": \"1e100000000\"}", "{\"StartTime\": 1e400}",
                "{\"StartTime\": 99999999999999999999999}", "{\"MaxResults\": 4294967297.0}"}) {
            RawHttp.Response r = json(TRAIL_TARGET + ".LookupEvents", "application/x-amz-json-1.1",
                    body.getBytes(StandardCharsets.UTF_8));
            assertJsonError(r, 400, "SerializationException");
        }
    }

    @Test
    void wrongJsonTypeIsSerializationException() throws Exception {
        RawHttp.Response r = json(TRAIL_TARGET + ".LookupEvents", "application/x-amz-json-1.1",
                "{\"MaxResults\": \"many\"}".getBytes(StandardCharsets.UTF_8));
        assertJsonError(r, 400, "SerializationException");
    }

    @Test
    void unknownOperationIsAnsweredAndAudited() throws Exception {
        RawHttp.Response r = json(TRAIL_TARGET + ".DescribeNothing", "application/x-amz-json-1.1", "{}".getBytes());
        assertJsonError(r, 400, "UnknownOperationException");
        JsonNode e = recorded("DescribeNothing", r.header("x-amzn-RequestId"));
        assertThat(e).isNotNull();
        assertThat(e.path("errorCode").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void unknownJsonServiceIsAnsweredAndAudited() throws Exception {
        RawHttp.Response r = json("NoSuchService_20200101.DoIt", "application/x-amz-json-1.1", "{}".getBytes());
        assertJsonError(r, 400, "UnknownOperationException");
        assertThat(recorded("DoIt", r.header("x-amzn-RequestId"))).isNotNull();
    }

    @Test
    void wrongContentTypeIsAnAwsError() throws Exception {
        RawHttp.Response r = json(TRAIL_TARGET + ".LookupEvents", "text/plain", "{}".getBytes());
        assertJsonError(r, 400, "SerializationException");
        assertThat(recorded("LookupEvents", r.header("x-amzn-RequestId"))).isNotNull();
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        byte[] big = new byte[200 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        RawHttp.Response r = json(TRAIL_TARGET + ".LookupEvents", "application/x-amz-json-1.1", big);
        assertJsonError(r, 413, "RequestEntityTooLarge");
    }

    @Test
    void gzipBodyIsAccepted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("{\"MaxResults\": 3}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = out.toByteArray();
        SignableRequest req = http.request("POST", "/", null, Map.of("X-Amz-Target", TRAIL_TARGET + ".LookupEvents",
                "Content-Type", "application/x-amz-json-1.1", "Content-Encoding", "gzip"), body);
        RawHttp.Response r = http.send(RawHttp.sign(req, "test", "test", "cloudtrail", Instant.now()), body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).has("Events")).isTrue();
    }

    @Test
    void gzipBombIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(new byte[1024 * 1024]);
        }
        byte[] body = out.toByteArray();
        SignableRequest req = http.request("POST", "/", null, Map.of("X-Amz-Target", TRAIL_TARGET + ".LookupEvents",
                "Content-Type", "application/x-amz-json-1.1", "Content-Encoding", "gzip"), body);
        RawHttp.Response r = http.send(RawHttp.sign(req, "test", "test", "cloudtrail", Instant.now()), body);
        assertJsonError(r, 413, "RequestEntityTooLarge");
    }

    @Test
    void unknownQueryActionIsInvalidAction() {
        RawHttp.Response r = query("sts", "Action=GetNothing&Version=2011-06-15");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("<Code>InvalidAction</Code>").contains("<RequestId>");
        assertThat(recorded("GetNothing", r.header("x-amzn-RequestId"))).isNotNull();
    }

    @Test
    void malformedFormIsAnAwsError() {
        RawHttp.Response r = query("sts", "Action=GetCallerIdentity&Version=2011-06-15&Bad=%zz");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("<ErrorResponse").contains("<Type>Sender</Type>");
    }

    @Test
    void unsignedQueryRequestIsMissingAuthenticationToken() {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        SignableRequest r = http.request("POST", "/", null, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        RawHttp.Response resp = http.send(r, body);
        assertThat(resp.status()).isEqualTo(403);
        assertThat(resp.text()).contains("<Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void unknownCborServiceAnswersInCbor() throws Exception {
        byte[] body = new ObjectMapper(new CBORFactory()).writeValueAsBytes(Map.of());
        SignableRequest req = http.request("POST", "/service/NoSuchService/operation/DoIt", null,
                Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor", "Accept", "application/cbor"), body);
        RawHttp.Response r = http.send(RawHttp.sign(req, "test", "test", "monitoring", Instant.now()), body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        JsonNode n = new ObjectMapper(new CBORFactory()).readTree(r.body());
        assertThat(n.path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void nonAwsPathIsAnAwsError() {
        SignableRequest req = http.request("GET", "/favicon.ico", null, Map.of(), new byte[0]);
        RawHttp.Response r = http.send(req, new byte[0]);
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
    }
}
