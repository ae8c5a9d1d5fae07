package dev.vigil.cloudtrail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * LookupEvents' NextToken: the keyset position of the last event returned plus a fingerprint of the request
 * parameters it was issued for, so a token replayed with other parameters is refused as AWS refuses it.
 * Opaque to clients (base64url). Stateless.
 */
final class LookupToken {
    private static final String VERSION = "1";

    private LookupToken() {}

    /** Fingerprint of everything that must stay the same across pages (not MaxResults, which may change). */
    static String fingerprint(String... parameters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parameters) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    static String encode(String fingerprint, EventQuery.Position position) {
        String text = VERSION + "|" + fingerprint + "|" + position.eventTimeMillis() + "|" + position.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token stands for. @throws dev.vigil.core.AwsException InvalidNextTokenException */
    static EventQuery.Position decode(String token, String fingerprint) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", 4);
            if (parts.length == 4 && parts[0].equals(VERSION) && parts[1].equals(fingerprint) && !parts[3].isEmpty()) {
                return new EventQuery.Position(Long.parseLong(parts[2]), parts[3]);
            }
        } catch (IllegalArgumentException e) { // bad base64 or number: fall through to the AWS error
        }
        throw CloudTrailErrors.invalidNextToken();
    }
}
