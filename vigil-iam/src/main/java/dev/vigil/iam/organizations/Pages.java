package dev.vigil.iam.organizations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * NextToken/MaxResults paging over a list read whole (organizations are small): the token is the offset, opaque to
 * clients. MaxResults is 1..20 ({@code MaxResults} in the API reference), the default 20. Stateless.
 */
final class Pages {
    static final int MAX = 20;

    private Pages() {}

    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> of(List<T> all, String nextToken, Integer maxResults) {
        int limit = maxResults == null ? MAX : maxResults;
        if (limit < 1 || limit > MAX) {
            throw OrgErrors.invalidInput(limit < 1 ? "MIN_VALUE_EXCEEDED" : "MAX_VALUE_EXCEEDED",
                    "You provided a value that is outside the allowed range of values for MaxResults.");
        }
        int from = offset(nextToken);
        if (from < 0 || from > all.size()) throw invalidToken();
        int to = Math.min(all.size(), from + limit);
        String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("o:" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) return 0;
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!s.startsWith("o:")) throw invalidToken();
            return Integer.parseInt(s.substring(2));
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    private static dev.vigil.core.AwsException invalidToken() {
        return OrgErrors.invalidInput("INVALID_NEXT_TOKEN", "You specified an invalid value for nextToken. You must get"
                + " the value from the response to a previous call to the API.");
    }
}
