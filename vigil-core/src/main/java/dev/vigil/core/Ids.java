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

    public static String requestId() { return UUID.randomUUID().toString(); }

    public static String uuid() { return UUID.randomUUID().toString(); }

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
