package dev.vigil.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque nextToken values: base64url of '|'-joined parts; anything unreadable is InvalidParameterException. Stateless. */
final class Tokens {
    private Tokens() {}

    static String encode(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (b.length() > 0) b.append('|');
            b.append(p);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token's parts; exactly {@code expected} of them (the last may contain '|'). */
    static String[] decode(String token, int expected) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", expected);
            if (parts.length != expected) throw LogsErrors.invalidNextToken();
            return parts;
        } catch (IllegalArgumentException e) {
            throw LogsErrors.invalidNextToken();
        }
    }

    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw LogsErrors.invalidNextToken();
        }
    }
}
