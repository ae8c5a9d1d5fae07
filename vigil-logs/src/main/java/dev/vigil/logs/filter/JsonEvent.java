package dev.vigil.logs.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log event parsed as JSON into plain maps and lists, keeping each number as it was written (AWS
 * compares quoted values with a number's text, so {@code 12.0} must stay {@code "12.0"}). Events that are
 * not exactly one JSON object or array parse to null. Immutable after parsing; the factory is shared.
 */
final class JsonEvent {
    /** JSON null, distinct from a missing property. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number and its source text. */
    record Num(String text) { }

    /** An object or array the pattern only needs to know is there, left unread. */
    static final Object CONTAINER = new Object();

    /**
     * The parts of an event a pattern looks at: the property names and indexes along its selectors. Parsing
     * for a pattern builds only those, and merely validates the rest. Built once per pattern, then only read.
     */
    static final class Paths {
        /** Everything, for look-ups of selectors the pattern does not mention. */
        static final Paths ALL = new Paths();

        private final Map<String, Paths> names = new HashMap<>();
        private final Map<Integer, Paths> indexes = new HashMap<>();

        void add(List<Object> steps) {
            Paths node = this;
            for (Object step : steps) {
                node = step instanceof String name
                        ? node.names.computeIfAbsent(name, k -> new Paths())
                        : node.indexes.computeIfAbsent((Integer) step, k -> new Paths());
            }
        }

        Paths name(String name) {
            return this == ALL ? ALL : names.get(name);
        }

        Paths index(int i) {
            return this == ALL ? ALL : indexes.get(i);
        }

        boolean readsObject() {
            return this == ALL || !names.isEmpty();
        }

        boolean readsArray() {
            return this == ALL || !indexes.isEmpty();
        }
    }

    private static final int MAX_DEPTH = 1000;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonEvent() { }

    /** The event's root object or array, or null when the message is not JSON. */
    static Object parse(String message) {
        return parse(message, Paths.ALL);
    }

    /** Like {@link #parse(String)}, materialising only {@code paths}. */
    static Object parse(String message, Paths paths) {
        if (!looksLikeJson(message)) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(message)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return null;
            }
            Object root = read(p, t, paths);
            return p.nextToken() == null ? root : null;
        } catch (IOException | RuntimeException e) {
            // Malformed JSON, too deep, or too large a number: the event is simply not JSON.
            return null;
        }
    }

    private static boolean looksLikeJson(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '{' || c == '[') return true;
            if (!Character.isWhitespace(c)) return false;
        }
        return false;
    }

    private static Object read(JsonParser p, JsonToken t, Paths paths) throws IOException {
        switch (t) {
            case START_OBJECT: {
                if (!paths.readsObject()) {
                    p.skipChildren();
                    return CONTAINER;
                }
                Map<String, Object> map = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    Paths child = paths.name(name);
                    if (child == null) {
                        p.skipChildren();
                    } else {
                        map.put(name, read(p, v, child));
                    }
                }
                return map;
            }
            case START_ARRAY: {
                if (!paths.readsArray()) {
                    p.skipChildren();
                    return CONTAINER;
                }
                List<Object> list = new ArrayList<>();
                JsonToken e;
                int i = 0;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    Paths child = paths.index(i++);
                    if (child == null) {
                        p.skipChildren();
                        list.add(CONTAINER);
                    } else {
                        list.add(read(p, e, child));
                    }
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected " + t);
        }
    }

    /** The text of a string, number or boolean value; null for objects, arrays, JSON null and absence. */
    static String scalarText(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof Num n) return n.text();
        if (value instanceof Boolean b) return b.toString();
        return null;
    }
}
