package dev.vigil.iam.iam;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP: 30 second steps from the Unix epoch, HMAC-SHA1,
 * six digits as virtual MFA apps compute them) and the RFC 4648 base32 text their seeds travel as. Stateless.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {}

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The six-digit HMAC-SHA1 code of a step, zero-padded. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /** RFC 6238's general form: @param algorithm HmacSHA1, HmacSHA256 or HmacSHA512 */
    public static String code(byte[] secret, long step, int digits, String algorithm) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int offset = h[h.length - 1] & 0xf;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        long mod = 1;
        for (int i = 0; i < digits; i++) mod *= 10;
        String s = Long.toString(binary % mod);
        return "0".repeat(digits - s.length()) + s;
    }

    /**
     * The step within {@code from..to} (inclusive, in that order) whose code is {@code code}, or -1.
     * Compares every candidate in full so the time taken does not depend on where a match is.
     */
    public static long matchingStep(byte[] secret, String code, long from, long to) {
        long found = -1;
        if (code == null) return found;
        for (long t = from; t <= to; t++) {
            if (java.security.MessageDigest.isEqual(code(secret, t).getBytes(), code.getBytes()) && found < 0) found = t;
        }
        return found;
    }

    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5 + 8);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        while (out.length() % 8 != 0) out.append('=');
        return out.toString();
    }

    /** Decodes base32, ignoring padding, case and spaces. @throws IllegalArgumentException on another character */
    public static byte[] fromBase32(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '=' || c == ' ') continue;
            int v = ALPHABET.indexOf(c);
            if (v < 0) throw new IllegalArgumentException("not base32: " + c);
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }
}
