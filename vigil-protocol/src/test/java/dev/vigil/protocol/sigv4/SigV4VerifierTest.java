package dev.vigil.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Time, scope and signature answers, with AWS's exact texts. */
class SigV4VerifierTest {
    static final String SECRET = SigV4SuiteTest.SECRET;
    static final Instant T = SigV4SuiteTest.TIME; // 20150830T123600Z
    static final SigV4Verifier.ScopeRules US_EAST_1 = new SigV4Verifier.ScopeRules(null, "us-east-1"::equals);

    static ParsedSignature sig(String credential) {
        return SigV4Parser.parse(SignableRequest.of("GET", "/", Map.of("Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"), "Authorization", List.of("AWS4-HMAC-SHA256 Credential="
                        + credential + ", SignedHeaders=host;x-amz-date, Signature=00")), new byte[0]));
    }

    static Stream<Arguments> badScopes() {
        return Stream.of(
                Arguments.of("AKID/20150830/us-west-2/sts/aws4_request", US_EAST_1,
                        "Credential should be scoped to a valid region. "),
                Arguments.of("AKID/20150830/us-east-1/iam/aws4_request", SigV4Verifier.ScopeRules.forService("sts"),
                        "Credential should be scoped to correct service: 'sts'. "),
                Arguments.of("AKID/20150830/us-east-1/sts/aws4_reques", SigV4Verifier.ScopeRules.ANY,
                        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_reques'. "),
                Arguments.of("AKID/20150831/us-east-1/sts/aws4_request", SigV4Verifier.ScopeRules.ANY,
                        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                                + "'20150831' != '20150830', from '20150830T123600Z'. "),
                Arguments.of("AKID/2015-08-30/US_EAST/iam/aws5_request", SigV4Verifier.ScopeRules.forService("sts"),
                        "Credential should be scoped to a valid region. Credential should be scoped to correct service: "
                                + "'sts'. Credential should be scoped with a valid terminator: 'aws4_request', not "
                                + "'aws5_request'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                                + "of date from HTTP: '2015-08-30' != '20150830', from '20150830T123600Z'. "));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badScopes")
    void badScopeIsRefusedWithEveryProblemNamed(String credential, SigV4Verifier.ScopeRules rules, String message) {
        assertThatThrownBy(() -> SigV4Verifier.checkScope(sig(credential), rules))
                .isInstanceOf(AwsException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void goodScopePasses() {
        assertThatCode(() -> SigV4Verifier.checkScope(sig("AKID/20150830/us-east-1/sts/aws4_request"),
                SigV4Verifier.ScopeRules.forService("sts"))).doesNotThrowAnyException();
    }

    static Stream<Arguments> skews() {
        return Stream.of(
                Arguments.of("2015-08-30T12:56:00Z", "Signature expired: 20150830T123600Z is now earlier than "
                        + "20150830T124100Z (20150830T125600Z - 15 min.)"),
                Arguments.of("2015-08-30T12:51:01.900Z", "Signature expired: 20150830T123600Z is now earlier than "
                        + "20150830T123601Z (20150830T125101Z - 15 min.)"),
                Arguments.of("2015-08-30T12:20:59Z", "Signature not yet current: 20150830T123600Z is still later than "
                        + "20150830T123559Z (20150830T122059Z + 15 min.)"),
                Arguments.of("2015-08-30T12:51:00Z", null),
                Arguments.of("2015-08-30T12:21:00Z", null));
    }

    @ParameterizedTest(name = "now {0}")
    @MethodSource("skews")
    void clockSkewBeyondFifteenMinutesIsRefused(String now, String message) {
        ParsedSignature s = sig("AKID/20150830/us-east-1/sts/aws4_request");
        if (message == null) {
            assertThatCode(() -> SigV4Verifier.checkTime(s, Instant.parse(now))).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> SigV4Verifier.checkTime(s, Instant.parse(now)))
                .isInstanceOf(ClockSkewException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    ClockSkewException c = (ClockSkewException) e;
                    assertThat(c.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(c.status()).isEqualTo(403);
                    assertThat(c.requestTime()).isEqualTo(T);
                    assertThat(c.future()).isEqualTo(message.startsWith("Signature not yet current"));
                });
    }

    static SignableRequest presignedGet(String service, Duration expires) {
        SignableRequest r = SignableRequest.of("GET", "/bucket/key", null,
                Map.of("Host", List.of("example.amazonaws.com")), new byte[0]);
        return SigV4Signer.presign(r, new SigV4Signer.Params("AKIDEXAMPLE", SECRET, null, "us-east-1", service, T), expires);
    }

    @Test
    void presignedUrlLivesUntilItsExpiry() {
        SignableRequest r = presignedGet("monitoring", Duration.ofHours(1));
        ParsedSignature s = SigV4Parser.parse(r);
        assertThatCode(() -> SigV4Verifier.verify(r, s, SECRET, T.plusSeconds(3600))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SigV4Verifier.verify(r, s, SECRET, T.plusSeconds(3601)))
                .isInstanceOf(PresignedExpiredException.class)
                .hasMessage("Request has expired")
                .satisfies(e -> {
                    PresignedExpiredException p = (PresignedExpiredException) e;
                    assertThat(p.code()).isEqualTo("AccessDenied");
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.expiresSeconds()).isEqualTo(3600);
                    assertThat(p.expiresAt()).isEqualTo(T.plusSeconds(3600));
                    assertThat(p.serverTime()).isEqualTo(T.plusSeconds(3601));
                });
    }

    @Test
    void shortPresignedUrlOutsideS3KeepsTheFifteenMinuteWindow() {
        SignableRequest r = presignedGet("sts", Duration.ofSeconds(60));
        ParsedSignature s = SigV4Parser.parse(r);
        assertThatCode(() -> SigV4Verifier.verify(r, s, SECRET, T.plus(Duration.ofMinutes(14)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SigV4Verifier.verify(r, s, SECRET, T.plus(Duration.ofMinutes(16))))
                .isInstanceOf(ClockSkewException.class);
    }

    @Test
    void s3PresignedUrlHonoursShortExpiryAndRefusesFutureDates() {
        SignableRequest r = presignedGet("s3", Duration.ofSeconds(60));
        ParsedSignature s = SigV4Parser.parse(r);
        assertThatCode(() -> SigV4Verifier.verify(r, s, SECRET, T.plusSeconds(60))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SigV4Verifier.verify(r, s, SECRET, T.plusSeconds(61)))
                .isInstanceOf(PresignedExpiredException.class);
        assertThatThrownBy(() -> SigV4Verifier.verify(r, s, SECRET, T.minus(Duration.ofMinutes(16))))
                .isInstanceOf(AwsException.class).hasMessage("Request is not yet valid");
        assertThat(SigV4Canonicalizer.canonicalRequest(r, s)).endsWith("\nUNSIGNED-PAYLOAD");
    }

    @Test
    void mismatchShowsTheCanonicalRequestAndStringToSignAsAwsDoes() {
        SignableRequest r = SignableRequest.of("GET", "/", Map.of("Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"), "Authorization", List.of("AWS4-HMAC-SHA256 Credential="
                        + "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")), new byte[0]);
        ParsedSignature s = SigV4Parser.parse(r);
        assertThatThrownBy(() -> SigV4Verifier.verify(r, s, "wrong", T))
                .isInstanceOf(AwsException.class)
                .hasMessage("The request signature we calculated does not match the signature you provided. Check your "
                        + "AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                        + "The Canonical String for this request should have been\n'GET\n/\n\nhost:example.amazonaws.com\n"
                        + "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\n"
                        + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20150830T123600Z\n"
                        + "20150830/us-east-1/service/aws4_request\n"
                        + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63'\n");
    }

    @Test
    void declaredPayloadHashIsNeverTrustedOverTheBody() {
        byte[] body = "Action=ListUsers".getBytes(StandardCharsets.UTF_8);
        SignableRequest r = SignableRequest.of("POST", "/", null, Map.of("Host", List.of("iam.amazonaws.com")), body);
        SigV4Signer.Params p = new SigV4Signer.Params("AKIDEXAMPLE", SECRET, null, "us-east-1", "iam", T);
        SignableRequest signed = SigV4Signer.sign(r.withHeader("X-Amz-Content-Sha256", SigV4Crypto.sha256Hex(body)), p);
        SignableRequest tampered = signed.withPayloadHash(() -> SigV4Crypto.sha256Hex("Action=DeleteUser"));
        assertThatCode(() -> SigV4Verifier.verify(signed, SigV4Parser.parse(signed), SECRET, T)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SigV4Verifier.verify(tampered, SigV4Parser.parse(tampered), SECRET, T))
                .isInstanceOf(AwsException.class).hasMessageStartingWith(SigV4Errors.MISMATCH);

        SignableRequest s3 = SigV4Signer.sign(r.withHeader("X-Amz-Content-Sha256", SigV4Crypto.sha256Hex(body)),
                new SigV4Signer.Params("AKIDEXAMPLE", SECRET, null, "us-east-1", "s3", T));
        SignableRequest s3Tampered = s3.withPayloadHash(() -> SigV4Crypto.sha256Hex("x"));
        assertThatThrownBy(() -> SigV4Verifier.verify(s3Tampered, SigV4Parser.parse(s3Tampered), SECRET, T))
                .isInstanceOf(AwsException.class)
                .hasMessage("The provided 'x-amz-content-sha256' header does not match what was computed.")
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("XAmzContentSHA256Mismatch"));
    }

    @Test
    void unsignedPayloadAndSessionTokenRoundTripThroughOurSigner() {
        SignableRequest r = SignableRequest.of("PUT", "/a b/ሴ", "x=1&x=0", Map.of("Host", List.of("h:4566")),
                "{}".getBytes(StandardCharsets.UTF_8));
        SigV4Signer.Params p = new SigV4Signer.Params("ASIAEXAMPLE", SECRET, "session/token+==", "eu-west-1", "logs", T);
        SignableRequest signed = SigV4Signer.sign(r, p, true);
        ParsedSignature s = SigV4Parser.parse(signed);
        assertThat(s.securityToken()).isEqualTo("session/token+==");
        assertThat(s.signedHeaders()).containsExactly("host", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token");
        assertThatCode(() -> SigV4Verifier.verify(signed.withPayloadHash(() -> "anything"), s, SECRET, T))
                .doesNotThrowAnyException();
        SignableRequest presigned = SigV4Signer.presign(r, p, Duration.ofMinutes(5));
        assertThat(SigV4Parser.parse(presigned).securityToken()).isEqualTo("session/token+==");
        assertThatCode(() -> SigV4Verifier.verify(presigned, SigV4Parser.parse(presigned), SECRET, T))
                .doesNotThrowAnyException();
    }
}
