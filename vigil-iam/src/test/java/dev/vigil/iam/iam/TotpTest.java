package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238 appendix B's test vectors, and base32 against RFC 4648 section 10. */
class TotpTest {
    static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Vectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            long step = times[i] / 30;
            assertThat(Totp.code(SHA1, step, 8, "HmacSHA1")).isEqualTo(sha1[i]);
            assertThat(Totp.code(SHA256, step, 8, "HmacSHA256")).isEqualTo(sha256[i]);
            assertThat(Totp.code(SHA512, step, 8, "HmacSHA512")).isEqualTo(sha512[i]);
            assertThat(Totp.code(SHA1, step)).isEqualTo(sha1[i].substring(2));
        }
    }

    @Test
    void base32RoundTrips() {
        String[][] vectors = {{"", ""}, {"f", "MY======"}, {"fo", "MZXQ===="}, {"foo", "MZXW6==="},
                {"foob", "MZXW6YQ="}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI======"}};
        for (String[] v : vectors) {
            assertThat(Totp.base32(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
            assertThat(new String(Totp.fromBase32(v[1]), StandardCharsets.US_ASCII)).isEqualTo(v[0]);
        }
        assertThat(Totp.base32(new byte[20])).hasSize(32);
    }

    @Test
    void matchingStepFindsTheStepInTheWindow() {
        assertThat(Totp.matchingStep(SHA1, Totp.code(SHA1, 100), 99, 101)).isEqualTo(100);
        assertThat(Totp.matchingStep(SHA1, Totp.code(SHA1, 100), 101, 103)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SHA1, null, 0, 1)).isEqualTo(-1);
    }

    @Test
    void passwordsAreHashedAndVerified() {
        String h = Passwords.hash("correct horse");
        assertThat(h).doesNotContain("correct horse").startsWith("pbkdf2-sha256$");
        assertThat(Passwords.matches("correct horse", h)).isTrue();
        assertThat(Passwords.matches("wrong horse", h)).isFalse();
        assertThat(Passwords.hash("correct horse")).isNotEqualTo(h);
    }
}
