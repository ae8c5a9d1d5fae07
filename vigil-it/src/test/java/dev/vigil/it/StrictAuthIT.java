package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.protocol.sigv4.SignableRequest;
import dev.vigil.testkit.RawHttp;
import dev.vigil.testkit.VigilTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Strict mode: only known keys, every signature verified; failures in each protocol's words. */
class StrictAuthIT {
    static final String KEY = "AKIAVIGILSTRICTROOT1";
    static final String SECRET = "strict/secret+key";
    static VigilTestServer vigil;
    static RawHttp http;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start(c -> c.withStrictAuth(KEY, SECRET));
        http = new RawHttp(vigil.endpoint());
    }

    @AfterAll
    static void stop() { vigil.close(); }

    private static AwsServiceException stsError(String key, String secret) {
        try (StsClient sts = vigil.client(StsClient.builder(), key, secret)) {
            return catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
        }
    }

    private static RawHttp.Response sts(SignableRequest signed, byte[] body) { return http.send(signed, body); }

    private static SignableRequest stsRequest(byte[] body) {
        return http.request("POST", "/", null, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    @Test
    void configuredRootKeyWorks() {
        try (StsClient sts = vigil.client(StsClient.builder(), KEY, SECRET)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void forgedSecretIsSignatureDoesNotMatchAndAudited() {
        AwsServiceException e = stsError(KEY, "forged");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), KEY, SECRET)) {
            JsonNode record = Trail.byRequestId(ct, "GetCallerIdentity", e.requestId());
            assertThat(record).isNotNull();
            assertThat(record.path("errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void jsonProtocolSaysInvalidSignatureException() {
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), KEY, "forged")) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ct::lookupEvents);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), "AKIAUNKNOWNKEY000000", "x")) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ct::lookupEvents);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        }
    }

    @Test
    void unknownKeysAreInvalidClientTokenId() {
        assertThat(stsError("AKIAUNKNOWNKEY000000", "x").awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(stsError("123456789012", "x").awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(stsError("test", "test").awsErrorDetails().errorMessage())
                .isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void tamperedBodyIsRefusedWithTheExpectedCanonicalRequest() {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        SignableRequest signed = RawHttp.sign(stsRequest(body), KEY, SECRET, "sts", Instant.now());
        byte[] tampered = "Action=GetCallerIdentity&Version=2011-06-15&X=1".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = sts(signed, tampered);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<Code>SignatureDoesNotMatch</Code>")
                .contains("The Canonical String for this request should have been");
        assertThat(sts(signed, body).status()).isEqualTo(200);
    }

    @Test
    void twentyMinuteOldDateIsRefused() {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        SignableRequest old = RawHttp.sign(stsRequest(body), KEY, SECRET, "sts", Instant.now().minus(Duration.ofMinutes(20)));
        RawHttp.Response r = sts(old, body);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<Code>SignatureDoesNotMatch</Code>").contains("Signature expired");
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = sts(stsRequest(body), body);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains("<Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void devModeRefusesUnknownKeysInVigilsIssuedFormat() {
        try (VigilTestServer dev = VigilTestServer.start();
             StsClient sts = dev.client(StsClient.builder(), "AKIAUNKNOWNKEY000000", "x")) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
    }
}
