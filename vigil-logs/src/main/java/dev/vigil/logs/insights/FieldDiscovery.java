package dev.vigil.logs.insights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields Insights discovers in one event: a JSON object message is flattened, nested keys joined by
 * {@code .} and array elements by their index ({@code a.b}, {@code list.0.id}), up to the 200 fields AWS
 * extracts from one JSON event. Values keep their JSON text (numbers as written, {@code true}/{@code false});
 * JSON {@code null} and empty containers yield no field; a top-level key starting with {@code @} is shown with
 * a second {@code @} ({@code @example.com} becomes {@code @@example.com}). Lambda runtime lines yield
 * AWS's Lambda fields ({@link LambdaFields}). Other messages yield no fields. Thread-safe.
 */
public final class FieldDiscovery {
    /** AWS extracts at most this many fields from one JSON log event. */
    static final int MAX_FIELDS = 200;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FieldDiscovery() { }

    public static Map<String, String> fields(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        return walk(message, new Walk(out, null)) ? Collections.unmodifiableMap(out) : Map.of();
    }

    /**
     * The discovered fields of {@code message} that are among {@code wanted}: the same values as
     * {@link #fields(String)}, without building the names and values of fields nobody asked for.
     */
    static Map<String, String> fields(String message, Wanted wanted) {
        Map<String, String> out = new HashMap<>();
        return walk(message, new Walk(out, wanted)) ? out : Map.of();
    }

    /** The field names a query reads, and the object paths that lead to them. Immutable. */
    static final class Wanted {
        final Set<String> names;
        final Set<String> prefixes = new HashSet<>();

        Wanted(Set<String> names) {
            this.names = Set.copyOf(names);
            for (String n : names) {
                for (int i = n.indexOf('.'); i > 0; i = n.indexOf('.', i + 1)) prefixes.add(n.substring(0, i + 1));
            }
        }
    }

    private static boolean walk(String message, Walk w) {
        if (message == null) return false;
        if (LambdaFields.platformLine(message, w)) return true;
        int i = 0, n = message.length();
        while (i < n && Character.isWhitespace(message.charAt(i))) i++;
        if (i < n && message.charAt(i) == '{') return json(message, i, true, w);
        // a Lambda runtime line: its request id, and the first JSON fragment of its text
        int json = LambdaFields.applicationLine(message, w);
        if (json < 0) return w.found();
        Walk fragment = new Walk(new LinkedHashMap<>(), w.wanted);
        if (json(message, json, false, fragment)) w.out.putAll(fragment.out);
        return true;
    }

    /** Reads the JSON object at {@code start}; {@code whole}: nothing but white space may follow it. */
    private static boolean json(String message, int start, boolean whole, Walk w) {
        try (JsonParser p = JSON.createParser(whole ? message : message.substring(start))) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            w.object(p, "", true);
            return !whole || p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One pass over one event. Not thread-safe. */
    static final class Walk {
        final Map<String, String> out;
        final Wanted wanted;
        int leaves;

        Walk(Map<String, String> out, Wanted wanted) {
            this.out = out;
            this.wanted = wanted;
        }

        /** Adds a field found outside JSON (a Lambda platform field). */
        void put(String name, String value) {
            if (value != null && (wanted == null || wanted.names.contains(name))) out.put(name, value);
        }

        boolean found() {
            return !out.isEmpty();
        }

        /** prefix is null when nothing under this object is wanted: its fields are only counted. */
        void object(JsonParser p, String prefix, boolean top) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = null;
                if (prefix != null) {
                    String key = p.currentName();
                    // AWS shows a discovered name that starts with @ with one more @, apart from its own fields
                    name = top && key.startsWith("@") ? "@" + key : prefix + key;
                }
                value(p, p.nextToken(), name);
            }
        }

        void array(JsonParser p, String prefix) throws IOException {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                value(p, t, prefix == null ? null : prefix + index);
                index++;
            }
        }

        void value(JsonParser p, JsonToken t, String name) throws IOException {
            switch (t) {
                case START_OBJECT -> object(p, child(name), false);
                case START_ARRAY -> array(p, child(name));
                case VALUE_NULL -> { }
                default -> {
                    if (++leaves <= MAX_FIELDS && name != null && (wanted == null || wanted.names.contains(name))) {
                        out.put(name, p.getText());
                    }
                }
            }
        }

        private String child(String name) {
            if (name == null) return null;
            String prefix = name + ".";
            return wanted == null || wanted.prefixes.contains(prefix) ? prefix : null;
        }
    }
}
