package dev.vigil.iam.iam;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Access key ids in AWS's current format, which carries the owning account: after the 4-letter prefix (AKIA for
 * IAM keys, ASIA for STS sessions) come 16 base32 characters (10 bytes) whose first 48 bits hold the account id
 * in bits 7..46, the rest random. That is what lets STS GetAccessKeyInfo name the account of any key, even a
 * deleted one, without a lookup. Stateless; thread-safe.
 */
public final class AccessKeyIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long ACCOUNT_MASK = 0x7fffffffff80L;

    private AccessKeyIds() {}

    /** A new 20-character key id for the account, e.g. {@code issue("ASIA", "123456789012")}. */
    public static String issue(String prefix, String accountId) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        long head = 0;
        for (int i = 0; i < 6; i++) head = (head << 8) | (bytes[i] & 0xff);
        head = (head & ~ACCOUNT_MASK) | ((Long.parseLong(accountId) << 7) & ACCOUNT_MASK);
        for (int i = 5; i >= 0; i--) {
            bytes[i] = (byte) head;
            head >>>= 8;
        }
        return prefix + encode(bytes);
    }

    /** The account a key id in this format names; empty when the text is not 4 letters and 16 base32 characters. */
    public static Optional<String> accountOf(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() != 20) return Optional.empty();
        for (int i = 4; i < 20; i++) if (BASE32.indexOf(accessKeyId.charAt(i)) < 0) return Optional.empty();
        long head = 0; // the first 50 bits: ten characters of 5 bits
        for (int i = 4; i < 14; i++) head = (head << 5) | BASE32.indexOf(accessKeyId.charAt(i));
        head >>>= 2; // the first 48 bits: six bytes
        return Optional.of(String.format("%012d", (head & ACCOUNT_MASK) >>> 7));
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(16);
        int bits = 0;
        int have = 0;
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xff);
            have += 8;
            while (have >= 5) {
                out.append(BASE32.charAt((bits >>> (have - 5)) & 31));
                have -= 5;
            }
        }
        return out.toString();
    }
}
