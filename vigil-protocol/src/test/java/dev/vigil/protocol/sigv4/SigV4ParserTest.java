package dev.vigil.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed-signature answer, with AWS's code, status and exact text. */
class SigV4ParserTest {
    static final String GOOD_CRED = "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request";
    static final String SIG = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    static SignableRequest headerRequest(String authorization, String... extraHeaders) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Host", List.of("iam.amazonaws.com"));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) h.put(extraHeaders[i], List.of(extraHeaders[i + 1]));
        if (authorization != null) h.put("Authorization", List.of(authorization));
        return SignableRequest.of("GET", "/?Action=ListUsers&Version=2010-05-08", h, new byte[0]);
    }

    static SignableRequest dated(String authorization) {
        return headerRequest(authorization, "X-Amz-Date", "20150830T123600Z");
    }

    static SignableRequest queryRequest(String query) {
        return SignableRequest.of("GET", "/?" + query, Map.of("host", List.of("iam.amazonaws.com")), new byte[0]);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("nothing but the algorithm, no date", headerRequest("AWS4-HMAC-SHA256"), "IncompleteSignature", 400,
                        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' "
                                + "parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header "
                                + "requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256"),
                Arguments.of("credential missing", dated("AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=" + SIG),
                        "IncompleteSignature", 400, "Authorization header requires 'Credential' parameter. "
                                + "Authorization=AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=" + SIG),
                Arguments.of("signature and signed headers missing", dated("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED),
                        "IncompleteSignature", 400, "Authorization header requires 'Signature' parameter. Authorization "
                                + "header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=" + GOOD_CRED),
                Arguments.of("empty signature counts as missing",
                        dated("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature="),
                        "IncompleteSignature", 400, "Authorization header requires 'Signature' parameter. Authorization="
                                + "AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature="),
                Arguments.of("no date header",
                        headerRequest("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature=" + SIG),
                        "IncompleteSignature", 400, "Authorization header requires existence of either a 'X-Amz-Date' or "
                                + "a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=" + GOOD_CRED
                                + ", SignedHeaders=host, Signature=" + SIG),
                Arguments.of("a space inside the credential",
                        dated("AWS4-HMAC-SHA256 Credential=not valid/20150830/us-east-1/sts/aws4_request, "
                                + "SignedHeaders=host;x-amz-date, Signature=" + SIG),
                        "IncompleteSignature", 400, "'valid/20150830/us-east-1/sts/aws4_request' not a valid key=value pair "
                                + "(missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=not valid/"
                                + "20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + SIG + "'."),
                Arguments.of("a bare word", dated("AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders"),
                        "IncompleteSignature", 400, "'Credential' not a valid key=value pair (missing equal-sign) in "
                                + "Authorization header: 'AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders'."),
                Arguments.of("another algorithm",
                        dated("AWS4-HMAC-SHA512 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature=" + SIG),
                        "IncompleteSignature", 400,
                        "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). "),
                Arguments.of("host not signed",
                        dated("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=x-amz-date, Signature=" + SIG),
                        "SignatureDoesNotMatch", 403,
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
                Arguments.of("empty signed headers",
                        dated("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=, Signature=" + SIG),
                        "SignatureDoesNotMatch", 403,
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
                Arguments.of("extended ISO date",
                        headerRequest("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature=" + SIG,
                                "X-Amz-Date", "2015-08-30T12:36:00Z"),
                        "IncompleteSignature", 400, "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. "
                                + "See http://en.wikipedia.org/wiki/ISO_8601"),
                Arguments.of("impossible date",
                        headerRequest("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature=" + SIG,
                                "X-Amz-Date", "20150230T123600Z"),
                        "IncompleteSignature", 400, "Date must be in ISO-8601 'basic format'. Got '20150230T123600Z'. "
                                + "See http://en.wikipedia.org/wiki/ISO_8601"),
                Arguments.of("unparseable Date header",
                        headerRequest("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host, Signature=" + SIG,
                                "Date", "yesterday"),
                        "IncompleteSignature", 400,
                        "Date must be in ISO-8601 'basic format'. Got 'yesterday'. See http://en.wikipedia.org/wiki/ISO_8601"),
                Arguments.of("credential of four elements",
                        dated("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam, SignedHeaders=host, Signature=" + SIG),
                        "IncompleteSignature", 400, "Credential must have exactly 5 slash-delimited elements, e.g. "
                                + "keyid/date/region/service/term, got 'AKID/20150830/us-east-1/iam'"),
                Arguments.of("credential of six elements",
                        dated("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/extra/aws4_request, SignedHeaders=host, "
                                + "Signature=" + SIG),
                        "IncompleteSignature", 400, "Credential must have exactly 5 slash-delimited elements, e.g. "
                                + "keyid/date/region/service/term, got 'AKID/20150830/us-east-1/iam/extra/aws4_request'"),
                Arguments.of("header and presigned query both",
                        SignableRequest.of("GET", "/?X-Amz-Algorithm=AWS4-HMAC-SHA256",
                                Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED), "Host",
                                        List.of("h")), new byte[0]),
                        "SignatureDoesNotMatch", 403,
                        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."),
                Arguments.of("presigned with only the algorithm", queryRequest("X-Amz-Algorithm=AWS4-HMAC-SHA256"),
                        "IncompleteSignature", 400, "AWS query-string parameters must include 'X-Amz-Credential'. AWS "
                                + "query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must "
                                + "include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. "
                                + "Re-examine the query-string parameters."),
                Arguments.of("presigned without algorithm",
                        queryRequest("X-Amz-Credential=" + GOOD_CRED.replace("/", "%2F") + "&X-Amz-Signature=" + SIG
                                + "&X-Amz-SignedHeaders=host&X-Amz-Date=20150830T123600Z"),
                        "IncompleteSignature", 400, "AWS query-string parameters must include 'X-Amz-Algorithm'. "
                                + "Re-examine the query-string parameters."),
                Arguments.of("presigned with another algorithm", queryRequest("X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256"
                                + "&X-Amz-Credential=" + GOOD_CRED + "&X-Amz-Signature=" + SIG
                                + "&X-Amz-SignedHeaders=host&X-Amz-Date=20150830T123600Z"),
                        "IncompleteSignature", 400,
                        "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256' (only AWS4-HMAC-SHA256 for now). "),
                Arguments.of("X-Amz-Expires not a number", presigned("X-Amz-Expires=soon"),
                        "AuthorizationQueryParametersError", 400, "X-Amz-Expires should be a number"),
                Arguments.of("X-Amz-Expires negative", presigned("X-Amz-Expires=-1"),
                        "AuthorizationQueryParametersError", 400, "X-Amz-Expires must be non-negative"),
                Arguments.of("X-Amz-Expires over a week", presigned("X-Amz-Expires=604801"),
                        "AuthorizationQueryParametersError", 400, "X-Amz-Expires must be less than a week (in seconds); "
                                + "that is, the given X-Amz-Expires must be less than 604800 seconds"),
                Arguments.of("no signature at all", headerRequest(null), "MissingAuthenticationToken", 403,
                        "Request is missing Authentication Token"),
                Arguments.of("a bearer token is not SigV4", headerRequest("Bearer eyJhbGciOi.x.y"),
                        "MissingAuthenticationToken", 403, "Request is missing Authentication Token"));
    }

    static SignableRequest presigned(String extra) {
        return queryRequest("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + GOOD_CRED.replace("/", "%2F")
                + "&X-Amz-Signature=" + SIG + "&X-Amz-SignedHeaders=host&X-Amz-Date=20150830T123600Z&" + extra);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedSignatureGetsAwsAnswer(String why, SignableRequest request, String code, int status, String message) {
        assertThatThrownBy(() -> SigV4Parser.parse(request))
                .isInstanceOf(AwsException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    assertThat(((AwsException) e).code()).isEqualTo(code);
                    assertThat(((AwsException) e).status()).isEqualTo(status);
                });
    }

    @Test
    void headerSignatureIsParsed() {
        SignableRequest r = headerRequest("  AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + "/,SignedHeaders=Host;X-Amz-Date,"
                + "Signature=" + SIG, "x-amz-date", "20150830T123600Z", "X-Amz-Security-Token", "tok+en/==");
        ParsedSignature sig = SigV4Parser.parse(r);
        assertThat(sig).isEqualTo(new ParsedSignature("AKIDEXAMPLE", "20150830", "us-east-1", "iam", "aws4_request",
                List.of("host", "x-amz-date"), SIG, "20150830T123600Z", Instant.parse("2015-08-30T12:36:00Z"),
                "tok+en/==", false, null));
        assertThat(sig.credentialScope()).isEqualTo("20150830/us-east-1/iam/aws4_request");
    }

    @Test
    void httpDateHeaderIsAcceptedWhenThereIsNoXAmzDate() {
        ParsedSignature sig = SigV4Parser.parse(headerRequest("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED
                + ", SignedHeaders=date;host, Signature=" + SIG, "Date", "Sun, 30 Aug 2015 12:36:00 GMT"));
        assertThat(sig.amzDate()).isEqualTo("20150830T123600Z");
    }

    @Test
    void presignedSignatureIsParsed() {
        ParsedSignature sig = SigV4Parser.parse(presigned("X-Amz-Expires=300&X-Amz-Security-Token=a%2Bb%2F%3D"));
        assertThat(sig.presigned()).isTrue();
        assertThat(sig.expiresSeconds()).isEqualTo(300);
        assertThat(sig.securityToken()).isEqualTo("a+b/=");
        assertThat(sig.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(sig.signedHeaders()).containsExactly("host");
    }

    @Test
    void hasSignatureTellsSigV4AttemptsFromEverythingElse() {
        assertThat(SigV4Parser.hasSignature(headerRequest(null))).isFalse();
        assertThat(SigV4Parser.hasSignature(headerRequest("Basic Og=="))).isFalse();
        assertThat(SigV4Parser.hasSignature(headerRequest("AWS4-HMAC-SHA256"))).isTrue();
        assertThat(SigV4Parser.hasSignature(queryRequest("Action=ListUsers"))).isFalse();
        assertThat(SigV4Parser.hasSignature(queryRequest("X-Amz-Signature=abc"))).isTrue();
        assertThat(SigV4Parser.hasSignature(queryRequest("X-Amz-Algorithm"))).isTrue();
    }

    @Test
    void scopeOfReadsEitherFormAndNeverThrows() {
        assertThat(SigV4Parser.scopeOf(dated("AWS4-HMAC-SHA256 Credential=" + GOOD_CRED + ", SignedHeaders=host")))
                .isEqualTo(new SigV4Scope("AKIDEXAMPLE", "us-east-1", "iam"));
        assertThat(SigV4Parser.scopeOf(presigned("")))
                .isEqualTo(new SigV4Scope("AKIDEXAMPLE", "us-east-1", "iam"));
        assertThat(SigV4Parser.scopeOf(queryRequest("X-Amz-Credential=test%2F20240101%2Feu-west-1%2Fsts")))
                .isEqualTo(new SigV4Scope("test", "eu-west-1", "sts"));
        for (String garbage : new String[] {"AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=a/b",
            "Credential=//x/y", "Bearer x", "AWS4-HMAC-SHA256 Credential=%zz/%/%/%", "\u0000"}) {
            assertThat(SigV4Parser.scopeOf(headerRequest(garbage))).as(garbage).isNull();
        }
        assertThat(SigV4Parser.scopeOf(queryRequest("X-Amz-Credential=%E0%A4%A"))).isNull();
        assertThat(SigV4Parser.scopeOf(new SignableRequest("GET", null, null, null, null))).isNull();
    }
}
