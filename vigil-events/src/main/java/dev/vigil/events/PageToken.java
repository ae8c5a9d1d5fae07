package dev.vigil.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** NextToken of the List* operations: the last name of the previous page, opaque to callers. Stateless. */
final class PageToken {
    private PageToken() {}

    static String encode(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastName).getBytes(StandardCharsets.UTF_8));
    }

    /** The name to continue after, or null for the first page. */
    static String decode(String token) {
        if (token == null) return null;
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("v1:")) return s.substring(3);
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw EventsErrors.validation("The nextToken provided is invalid.");
    }
}
