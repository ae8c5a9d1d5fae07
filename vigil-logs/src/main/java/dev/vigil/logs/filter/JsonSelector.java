package dev.vigil.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A property selector: {@code $} then {@code .name} steps (letters, digits, {@code -} and {@code _}) and
 * {@code [index]} steps, e.g. {@code $.users[0].id} or {@code $.coordinates[0][1]}. Immutable.
 */
final class JsonSelector {
    /** Marks a selector that points at nothing in the event. */
    static final Object MISSING = new Object();

    private final String text;
    private final Object[] steps; // String property names and Integer indexes

    private JsonSelector(String text, Object[] steps) {
        this.text = text;
        this.steps = steps;
    }

    String text() {
        return text;
    }

    /** Parses a selector; AWS quotes the selector up to the first character it cannot take. */
    static JsonSelector parse(String s) {
        if (!s.startsWith("$")) {
            throw FilterPatternException.invalid();
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && nameChar(s.charAt(i))) i++;
                if (i == start) {
                    throw FilterPatternException.invalidCharacters(s.substring(0, Math.min(i + 1, n)));
                }
                steps.add(s.substring(start, i));
            } else if (c == '[') {
                if (steps.isEmpty()) {
                    // Array elements must follow a property.
                    throw FilterPatternException.invalid();
                }
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                if (i == start || i >= n || s.charAt(i) != ']' || i - start > 9) {
                    throw FilterPatternException.invalid();
                }
                steps.add(Integer.parseInt(s.substring(start, i)));
                i++;
            } else {
                throw FilterPatternException.invalidCharacters(s.substring(0, i + 1));
            }
        }
        if (steps.isEmpty()) {
            throw FilterPatternException.invalid();
        }
        return new JsonSelector(s, steps.toArray());
    }

    private static boolean nameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The steps: String property names and Integer indexes. */
    java.util.List<Object> steps() {
        return java.util.List.of(steps);
    }

    /** The property names along the path; each occurs in the raw text of any event the selector resolves in. */
    java.util.List<String> names() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Object step : steps) {
            if (step instanceof String name) out.add(name);
        }
        return out;
    }

    /** The value at this selector in a parsed event, or {@link #MISSING}. */
    Object resolve(Object root) {
        Object cur = root;
        for (Object step : steps) {
            if (step instanceof String name) {
                if (!(cur instanceof Map<?, ?> map) || !map.containsKey(name)) return MISSING;
                cur = map.get(name);
            } else {
                int index = (Integer) step;
                if (!(cur instanceof List<?> list) || index >= list.size()) return MISSING;
                cur = list.get(index);
            }
        }
        return cur;
    }
}
