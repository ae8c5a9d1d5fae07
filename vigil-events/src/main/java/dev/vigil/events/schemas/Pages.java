package dev.vigil.events.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** NextToken paging over a sorted list: the token is the offset of the next page, opaque to callers. Stateless. */
final class Pages {
    static final int DEFAULT_LIMIT = 100;

    private Pages() {}

    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> of(List<T> all, String token, Integer limit) {
        int from = token == null ? 0 : decode(token);
        int size = limit == null || limit <= 0 ? DEFAULT_LIMIT : limit;
        if (from > all.size()) from = all.size();
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("o:")) return Integer.parseInt(s.substring(2));
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw SchemasErrors.badRequest("Invalid NextToken.");
    }
}
