package dev.vigil.iam.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** ID tokens (RFC 7515/7519) verified with keys from a JWKS (RFC 7517), RSA and EC, as STS verifies them. */
class JwtTest {
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void rs256TokenVerifiesWithItsJwksKeyAndNotAfterTampering() throws Exception {
        KeyPair kp = generate("RSA", 2048);
        RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
        JsonWebKeys keys = JsonWebKeys.parse(new ObjectMapper().readTree("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\""
                + u(pub.getModulus()) + "\",\"e\":\"" + u(pub.getPublicExponent()) + "\"},{\"kty\":\"oct\",\"k\":\"AAAA\"}]}"));
        assertThat(keys.keys()).hasSize(1);
        String token = sign("RS256", "SHA256withRSA", kp, "{\"iss\":\"https://idp\",\"sub\":\"s\",\"aud\":[\"a\",\"b\"],\"exp\":99}");
        Jwt jwt = Jwt.parse(token);
        assertThat(jwt.keyId()).isEqualTo("k1");
        assertThat(jwt.audiences()).containsExactly("a", "b");
        assertThat(jwt.epochSeconds("exp")).isEqualTo(99L);
        assertThat(keys.candidates("k1")).hasSize(1);
        assertThat(keys.candidates("other")).isEmpty();
        assertThat(jwt.verifiedBy(keys.candidates("k1").get(0))).isTrue();

        String[] p = token.split("\\.");
        String forged = p[0] + "." + B64.encodeToString("{\"iss\":\"https://idp\",\"sub\":\"root\"}".getBytes()) + "." + p[2];
        assertThat(Jwt.parse(forged).verifiedBy(kp.getPublic())).isFalse();
        assertThat(Jwt.parse(token).verifiedBy(generate("RSA", 2048).getPublic())).isFalse();
    }

    @Test
    void es256TokenVerifiesWithAnEcJwk() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) kp.getPublic();
        JsonWebKeys keys = JsonWebKeys.parse(new ObjectMapper().readTree("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\""
                + u(pub.getW().getAffineX()) + "\",\"y\":\"" + u(pub.getW().getAffineY()) + "\"}]}"));
        String token = sign("ES256", "SHA256withECDSAinP1363Format", kp, "{\"sub\":\"s\"}");
        assertThat(Jwt.parse(token).verifiedBy(keys.candidates("k1").get(0))).isTrue();
        assertThat(Jwt.parse(token).signature()).hasSize(64);
    }

    @Test
    void unsignedAndHmacTokensNeverVerify() throws Exception {
        KeyPair kp = generate("RSA", 2048);
        String none = B64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + B64.encodeToString("{}".getBytes()) + ".";
        assertThat(Jwt.parse(none).verifiedBy(kp.getPublic())).isFalse();
        String hs = B64.encodeToString("{\"alg\":\"HS256\"}".getBytes()) + "." + B64.encodeToString("{}".getBytes()) + ".AAAA";
        assertThat(Jwt.parse(hs).verifiedBy(kp.getPublic())).isFalse();
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[] {null, "", "a.b", "a.b.c.d", "!!!.e30.", "e30.bm90IGpzb24.", "W10.e30."}) {
            assertThatThrownBy(() -> Jwt.parse(bad)).isInstanceOf(FederationException.class)
                    .extracting(e -> ((FederationException) e).reason()).isEqualTo(FederationException.Reason.MALFORMED);
        }
    }

    static KeyPair generate(String alg, int size) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        g.initialize(size);
        return g.generateKeyPair();
    }

    static String sign(String alg, String jca, KeyPair kp, String claims) throws Exception {
        String input = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"k1\"}").getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance(jca);
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    static String u(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b[0] == 0) b = java.util.Arrays.copyOfRange(b, 1, b.length);
        return B64.encodeToString(b);
    }
}
