package dev.vigil.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published SigV4 test-suite answers, restated in sigv4/aws-suite-cases.txt. */
class SigV4SuiteTest {
    static final String AKID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");

    record Case(String name, String service, String method, String target, Map<String, List<String>> headers,
                String body, String signed, String sig, String creq) {
        SignableRequest request(boolean withAuthorization) {
            Map<String, List<String>> h = new LinkedHashMap<>(headers);
            if (withAuthorization) {
                h.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + AKID + "/20150830/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=" + signed + ", Signature=" + sig));
            }
            return SignableRequest.of(method, target, h, body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() { return name; }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SigV4SuiteTest.class.getResourceAsStream("/sigv4/aws-suite-cases.txt"), StandardCharsets.UTF_8))) {
            String name = null, service = "service", method = null, target = null, body = "", signed = null, sig = null, creq = null;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line == null || line.startsWith("case ")) {
                    if (name != null) out.add(new Case(name, service, method, target, headers, body, signed, sig, creq));
                    if (line == null) break;
                    name = line.substring(5);
                    service = "service";
                    body = "";
                    creq = null;
                    headers = new LinkedHashMap<>();
                } else if (line.startsWith("line ")) {
                    int sp = line.indexOf(' ', 5);
                    method = line.substring(5, sp);
                    target = line.substring(sp + 1);
                } else if (line.startsWith("hdr ")) {
                    int colon = line.indexOf(':');
                    headers.computeIfAbsent(line.substring(4, colon), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).replace("\\n", "\n"));
                } else if (line.startsWith("service ")) {
                    service = line.substring(8);
                } else if (line.startsWith("body ")) {
                    body = line.substring(5);
                } else if (line.startsWith("signed ")) {
                    signed = line.substring(7);
                } else if (line.startsWith("sig ")) {
                    sig = line.substring(4);
                } else if (line.startsWith("creq ")) {
                    creq = line.substring(5).replace("\\n", "\n");
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAcceptsThePublishedSignature(Case c) {
        SignableRequest request = c.request(true);
        ParsedSignature sig = SigV4Parser.parse(request);
        SigV4Verifier.verify(request, sig, SECRET, TIME, SigV4Verifier.ScopeRules.forService(c.service()));
        if (c.creq() != null) assertThat(SigV4Canonicalizer.canonicalRequest(request, sig)).isEqualTo(c.creq());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierRefusesTheSameRequestWithAnotherSecret(Case c) {
        SignableRequest request = c.request(true);
        ParsedSignature sig = SigV4Parser.parse(request);
        assertThatThrownBy(() -> SigV4Verifier.verify(request, sig, SECRET + "x", TIME))
                .isInstanceOf(AwsException.class)
                .satisfies(e -> {
                    assertThat(((AwsException) e).code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(((AwsException) e).status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("\n\nThe Canonical String for this request should have been\n'"
                            + c.method() + "\n");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signerReproducesThePublishedSignature(Case c) {
        List<String> all = c.headers().keySet().stream().map(String::toLowerCase).sorted().toList();
        if (!String.join(";", all).equals(c.signed())) return; // the case signs fewer headers than it sends
        SignableRequest signed = SigV4Signer.sign(c.request(false),
                new SigV4Signer.Params(AKID, SECRET, null, "us-east-1", c.service(), TIME));
        assertThat(signed.header("authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=" + AKID + "/20150830/us-east-1/"
                + c.service() + "/aws4_request, SignedHeaders=" + c.signed() + ", Signature=" + c.sig());
    }

    @Test
    void iamExampleIntermediateValuesMatchTheDocumentation() {
        byte[] key = SigV4Crypto.signingKey(SECRET, "20150830", "us-east-1", "iam");
        assertThat(SigV4Crypto.hex(key)).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        String creq = "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; "
                + "charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                + SigV4Crypto.EMPTY_SHA256;
        assertThat(SigV4Crypto.sha256Hex(creq)).isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    }

    @Test
    void canonicalUriFollowsAwsRulesPerService() {
        assertThat(SigV4Canonicalizer.canonicalUri("", false)).isEqualTo("/");
        assertThat(SigV4Canonicalizer.canonicalUri("/a/b/..", false)).isEqualTo("/a");
        assertThat(SigV4Canonicalizer.canonicalUri("/a/b/../", false)).isEqualTo("/a/");
        assertThat(SigV4Canonicalizer.canonicalUri("/../a", false)).isEqualTo("/a");
        // what an SDK put on the wire for the key "a b" is encoded once more
        assertThat(SigV4Canonicalizer.canonicalUri("/a%20b/%E1%88%B4", false)).isEqualTo("/a%2520b/%25E1%2588%25B4");
        // S3: kept as sent, only escapes are normalized
        assertThat(SigV4Canonicalizer.canonicalUri("/bucket//a/./b%2fc", true)).isEqualTo("/bucket//a/./b%2Fc");
    }

    @Test
    void canonicalQueryDecodesThenReencodes() {
        assertThat(SigV4Canonicalizer.canonicalQuery("b=%7e&a=x%2fy&a=%41&c", false)).isEqualTo("a=A&a=x%2Fy&b=~&c=");
        assertThat(SigV4Canonicalizer.canonicalQuery("k=a+b&k=a%20b", false)).isEqualTo("k=a%20b&k=a%2Bb");
        assertThat(SigV4Canonicalizer.canonicalQuery("X-Amz-Signature=ab&x=1", true)).isEqualTo("x=1");
        assertThat(SigV4Canonicalizer.canonicalQuery("X-Amz-Signature=ab&x=1", false)).isEqualTo("X-Amz-Signature=ab&x=1");
        assertThat(SigV4Canonicalizer.canonicalQuery("bad=%zz%4", false)).isEqualTo("bad=%25zz%254");
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        assertThat(SigV4Canonicalizer.headerValue(List.of("  a \t  b  ", "c"))).isEqualTo("a b,c");
        assertThat(SigV4Canonicalizer.headerValue(List.of("x\r\n  y", ""))).isEqualTo("x,y,");
    }
}
