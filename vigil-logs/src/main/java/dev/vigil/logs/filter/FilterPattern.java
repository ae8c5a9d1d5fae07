package dev.vigil.logs.filter;

import java.util.Map;
import java.util.Objects;

/**
 * A compiled CloudWatch Logs filter pattern, shared by FilterLogEvents, metric filters and subscription
 * filters: unstructured terms, {@code %regex%}, JSON ({@code { ... }}) and space-delimited ({@code [ ... ]})
 * patterns. Compile once, match many events. Immutable and thread-safe.
 */
public final class FilterPattern {
    private enum Kind { ALL, TERMS, JSON, DELIMITED }

    private final String text;
    private final Kind kind;
    private final TermPattern terms;
    private final JsonCondition json;
    private final DelimitedPattern delimited;
    private final int regexCount;

    private FilterPattern(String text, Kind kind, TermPattern terms, JsonCondition json,
                          DelimitedPattern delimited, int regexCount) {
        this.text = text;
        this.kind = kind;
        this.terms = terms;
        this.json = json;
        this.delimited = delimited;
        this.regexCount = regexCount;
    }

    /** Compiles a pattern; "" or blank matches everything. Throws {@link FilterPatternException}. */
    public static FilterPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String t = pattern.strip();
        if (t.isEmpty()) {
            return new FilterPattern(pattern, Kind.ALL, null, null, null, 0);
        }
        if (t.charAt(0) == '{') {
            if (t.length() < 2 || t.charAt(t.length() - 1) != '}') throw FilterPatternException.invalid();
            JsonPatternParser.Result r = JsonPatternParser.parse(t.substring(1, t.length() - 1));
            return new FilterPattern(pattern, Kind.JSON, null, r.condition(), null, r.regexCount());
        }
        if (t.charAt(0) == '[') {
            if (t.length() < 2 || t.charAt(t.length() - 1) != ']') throw FilterPatternException.invalid();
            DelimitedPattern d = DelimitedPattern.parse(t.substring(1, t.length() - 1));
            return new FilterPattern(pattern, Kind.DELIMITED, null, null, d, d.regexCount());
        }
        TermPattern tp = TermPattern.parse(t);
        if (tp == null) {
            return new FilterPattern(pattern, Kind.ALL, null, null, null, 0);
        }
        return new FilterPattern(pattern, Kind.TERMS, tp, null, null, tp.regexCount());
    }

    public boolean matches(String message) {
        return switch (kind) {
            case ALL -> true;
            case TERMS -> terms.matches(message);
            case JSON -> {
                Object root = JsonEvent.parse(message);
                yield root != null && json.test(root);
            }
            case DELIMITED -> delimited.match(message) != null;
        };
    }

    /** The values the event binds, or null when it does not match. */
    public FilterMatch match(String message) {
        switch (kind) {
            case ALL:
                return new FilterMatch(message, null, null);
            case TERMS:
                return terms.matches(message) ? new FilterMatch(message, null, null) : null;
            case JSON: {
                Object root = JsonEvent.parse(message);
                return root != null && json.test(root) ? new FilterMatch(message, null, root) : null;
            }
            default: {
                Map<String, String> extracted = delimited.match(message);
                return extracted == null ? null : new FilterMatch(message, extracted, null);
            }
        }
    }

    /** The pattern as given to {@link #compile}. */
    public String text() {
        return text;
    }

    /**
     * How many {@code %regex%} the pattern holds: AWS allows at most 5 regex filter patterns per log group
     * for metric and subscription filters, which the Logs service enforces with this.
     */
    public int regexCount() {
        return regexCount;
    }

    @Override
    public String toString() {
        return text;
    }
}
