package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.MutableClock;
import dev.vigil.protocol.sigv4.SigV4Signer;
import dev.vigil.protocol.sigv4.SignableRequest;
import dev.vigil.testkit.RawHttp;
import dev.vigil.testkit.VigilTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Sessions expire and survive restarts. The server runs on a {@link MutableClock}; because SigV4 refuses requests
 * signed more than 15 minutes away from the server's clock, requests after the clock moved are signed by hand at the
 * server's time (the SDK signs with the real time), with the session token, through {@link RawHttp}.
 */
class StsExpiryIT {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** A role and a user allowed to assume it; returns the session of a 15-minute AssumeRole. */
    static Credentials assumeFor15Minutes(VigilTestServer vigil) {
        try (IamClient root = vigil.client(IamClient.builder())) {
            String arn = root.createRole(r -> r.roleName("short").assumeRolePolicyDocument(TRUST)).role().arn();
            root.createUser(r -> r.userName("runner"));
            root.putUserPolicy(r -> r.userName("runner").policyName("assume").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + arn + "\"}]}"));
            AccessKey key = root.createAccessKey(r -> r.userName("runner")).accessKey();
            try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
                return sts.assumeRole(r -> r.roleArn(arn).roleSessionName("brief").durationSeconds(900)).credentials();
            }
        }
    }

    static RawHttp.Response send(VigilTestServer vigil, Credentials c, String service, Map<String, String> headers,
                                 String body, Instant signedAt) {
        RawHttp http = new RawHttp(vigil.endpoint());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignableRequest signed = SigV4Signer.sign(http.request("POST", "/", null, headers, bytes),
                new SigV4Signer.Params(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), "us-east-1", service,
                        signedAt));
        return http.send(signed, bytes);
    }

    static RawHttp.Response callerIdentity(VigilTestServer vigil, Credentials c, Instant signedAt) {
        return send(vigil, c, "sts", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "Action=GetCallerIdentity&Version=2011-06-15", signedAt);
    }

    @Test
    void anExpiredSessionIsRejectedWithExpiredToken() {
        MutableClock clock = new MutableClock(Instant.now());
        try (VigilTestServer vigil = VigilTestServer.start(c -> c, clock)) {
            Credentials c = assumeFor15Minutes(vigil);
            assertThat(c.expiration()).isBetween(clock.instant().plus(Duration.ofSeconds(899)),
                    clock.instant().plus(Duration.ofSeconds(900)));

            RawHttp.Response fresh = callerIdentity(vigil, c, clock.instant());
            assertThat(fresh.status()).isEqualTo(200);
            assertThat(fresh.text()).contains("<Arn>arn:aws:sts::000000000000:assumed-role/short/brief</Arn>");

            clock.advance(Duration.ofMinutes(16));
            RawHttp.Response expired = callerIdentity(vigil, c, clock.instant());
            assertThat(expired.status()).isEqualTo(403);
            assertThat(expired.text()).contains("<Code>ExpiredToken</Code>")
                    .contains("<Message>The security token included in the request is expired</Message>");

            // JSON services word it their way.
            RawHttp.Response json = send(vigil, c, "cloudtrail", Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"), "{}",
                    clock.instant());
            assertThat(json.status()).isEqualTo(400);
            assertThat(json.text()).contains("ExpiredTokenException")
                    .contains("The security token included in the request is expired");
        }
    }

    @Test
    void sessionsSurviveARestart(@TempDir Path data) {
        Credentials c;
        try (VigilTestServer vigil = VigilTestServer.start(cfg -> cfg.withDataDir(data))) {
            c = assumeFor15Minutes(vigil);
        }
        try (VigilTestServer vigil = VigilTestServer.start(cfg -> cfg.withDataDir(data));
             StsClient sts = vigil.client(StsClient.builder(), StaticCredentialsProvider.create(
                     AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/short/brief");
        }
    }
}
