package dev.vigil.iam.organizations;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Identifiers in Organizations' formats (the API reference's patterns): {@code o-} and 10 to 32 lowercase letters
 * or digits, {@code r-} and 4 to 32, {@code ou-<root>-} and 8 to 32, {@code p-} and 8 to 128 (AWS's own policies:
 * {@code p-FullAWSAccess}), {@code h-} and 8 to 32, {@code car-} and 8 to 32, twelve-digit account ids. Thread-safe.
 */
final class OrgIds {
    static final Pattern ROOT = Pattern.compile("^r-[0-9a-z]{4,32}$");
    static final Pattern OU = Pattern.compile("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$");
    static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
    static final Pattern POLICY = Pattern.compile("^p-[0-9a-zA-Z_]{8,128}$");
    static final Pattern HANDSHAKE = Pattern.compile("^h-[0-9a-z]{8,32}$");
    static final Pattern CREATE_REQUEST = Pattern.compile("^car-[a-z0-9]{8,32}$");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrgIds() {}

    static String organization() { return "o-" + random(10); }

    static String root() { return "r-" + random(4); }

    /** @param rootId the organization's root: OU ids carry its suffix */
    static String ou(String rootId) { return "ou-" + rootId.substring(2) + "-" + random(8); }

    static String policy() { return "p-" + random(8); }

    static String handshake() { return "h-" + random(10); }

    static String createRequest() { return "car-" + random(32); }

    /** A new twelve-digit account id (not starting with 0, so it never collides with the default 000000000000). */
    static String account() {
        StringBuilder b = new StringBuilder(12).append((char) ('1' + RANDOM.nextInt(9)));
        while (b.length() < 12) b.append((char) ('0' + RANDOM.nextInt(10)));
        return b.toString();
    }

    private static String random(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return b.toString();
    }

    /** What kind of container or member an id names, from its form alone. */
    enum Kind { ROOT, OU, ACCOUNT, NONE }

    static Kind kind(String id) {
        if (id == null) return Kind.NONE;
        if (ROOT.matcher(id).matches()) return Kind.ROOT;
        if (OU.matcher(id).matches()) return Kind.OU;
        if (ACCOUNT.matcher(id).matches()) return Kind.ACCOUNT;
        return Kind.NONE;
    }
}
