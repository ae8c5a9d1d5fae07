package dev.vigil.core;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifier generation in AWS's formats. Thread-safe. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private Ids() {}

    /**
     * One strong generator per thread: {@link UUID#randomUUID()} shares one NativePRNG whose lock every request
     * thread queued on (several ms per id under load on a busy machine). SHA1PRNG seeds itself from the system's
     * entropy once per thread, and the ids stay unpredictable version-4 UUIDs.
     */
    private static final ThreadLocal<SecureRandom> UUID_RANDOM = ThreadLocal.withInitial(Ids::perThreadRandom);

    public static String requestId() { return randomUuid(); }

    public static String uuid() { return randomUuid(); }

    private static String randomUuid() {
        byte[] b = new byte[16];
        UUID_RANDOM.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) msb = (msb << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (b[i] & 0xff);
        return new UUID(msb, lsb).toString();
    }

    private static SecureRandom perThreadRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom(); // every JDK has SHA1PRNG; the shared default still works
        }
    }

    /** A 20-character id with AWS's 4-letter prefix: AKIA (user key), ASIA (session key), AIDA (user), AROA (role). */
    public static String awsId(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < 20) b.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
        return b.toString();
    }

    /** A 40-character secret access key. */
    public static String secretKey() {
        StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < 40; i++) b.append(SECRET_ALPHABET[RANDOM.nextInt(SECRET_ALPHABET.length)]);
        return b.toString();
    }

    public static boolean isAccountId(String s) {
        if (s == null || s.length() != 12) return false;
        for (int i = 0; i < 12; i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
