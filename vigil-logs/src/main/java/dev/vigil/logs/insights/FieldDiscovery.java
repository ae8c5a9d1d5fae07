package dev.vigil.logs.insights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields Insights discovers in one event: a JSON object message is flattened, nested keys joined by
 * {@code .} and array elements by their index ({@code a.b}, {@code list.0.id}), up to the 200 fields AWS
 * extracts from one JSON event. Values keep their JSON text (numbers as written, {@code true}/{@code false});
 * JSON {@code null} and empty containers yield no field. Other messages yield no fields. Thread-safe.
 */
public final class FieldDiscovery {
    /** AWS extracts at most this many fields from one JSON log event. */
    static final int MAX_FIELDS = 200;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FieldDiscovery() { }

    public static Map<String, String> fields(String message) {
        if (message == null) return Map.of();
        int i = 0, n = message.length();
        while (i < n && Character.isWhitespace(message.charAt(i))) i++;
        if (i == n || message.charAt(i) != '{') return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Map.of();
            readObject(p, "", out);
            if (p.nextToken() != null) return Map.of(); // trailing text: not a JSON event
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return Collections.unmodifiableMap(out);
    }

    private static void readObject(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            readValue(p, p.nextToken(), name, out);
        }
    }

    private static void readArray(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            readValue(p, t, prefix + index++, out);
        }
    }

    private static void readValue(JsonParser p, JsonToken t, String name, Map<String, String> out) throws IOException {
        switch (t) {
            case START_OBJECT -> readObject(p, name + ".", out);
            case START_ARRAY -> readArray(p, name + ".", out);
            case VALUE_NULL -> { }
            default -> {
                if (out.size() < MAX_FIELDS) out.put(name, p.getText());
            }
        }
    }
}
