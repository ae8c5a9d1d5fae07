package dev.vigil.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** NextToken values: an opaque base64url JSON array of strings; anything else is InvalidNextToken. Stateless. */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {}

    static String encode(String... parts) {
        ArrayNode a = JSON.createArrayNode();
        for (String p : parts) a.add(p);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token's parts, which must be {@code expected} many; InvalidNextToken otherwise. */
    static List<String> decode(String token, int expected) {
        try {
            JsonNode n = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (n == null || !n.isArray() || n.size() != expected) throw CloudWatchErrors.invalidNextToken();
            List<String> out = new ArrayList<>();
            for (JsonNode p : n) {
                if (!p.isTextual()) throw CloudWatchErrors.invalidNextToken();
                out.add(p.asText());
            }
            return out;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw CloudWatchErrors.invalidNextToken();
        }
    }
}
