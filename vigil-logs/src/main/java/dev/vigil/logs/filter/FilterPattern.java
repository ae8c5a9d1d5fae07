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
    private final Prefilter prefilter;
    private final JsonEvent.Paths jsonPaths;
    private final int regexCount;

    private FilterPattern(String text, Kind kind, TermPattern terms, JsonCondition json,
                          DelimitedPattern delimited, int regexCount) {
        this.text = text;
        this.kind = kind;
        this.terms = terms;
        this.json = json;
        this.delimited = delimited;
        this.prefilter = json != null ? Prefilter.forJson(json)
                : delimited != null ? Prefilter.forDelimited(delimited.conditions()) : null;
        this.jsonPaths = json != null ? pathsOf(json) : null;
        this.regexCount = regexCount;
    }

    private static JsonEvent.Paths pathsOf(JsonCondition condition) {
        java.util.List<JsonSelector> selectors = new java.util.ArrayList<>();
        condition.collectSelectors(selectors);
        JsonEvent.Paths paths = new JsonEvent.Paths();
        for (JsonSelector s : selectors) paths.add(s.steps());
        return paths;
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
                if (!prefilter.mayMatch(message)) yield false;
                Object root = JsonEvent.parse(message, jsonPaths);
                yield root != null && json.test(root);
            }
            case DELIMITED -> prefilter.mayMatch(message) && delimited.match(message) != null;
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
                if (!prefilter.mayMatch(message)) return null;
                Object root = JsonEvent.parse(message, jsonPaths);
                // The partial tree serves the pattern; FilterMatch parses the whole event if asked for more.
                return root != null && json.test(root) ? new FilterMatch(message, null, null) : null;
            }
            default: {
                if (!prefilter.mayMatch(message)) return null;
                Map<String, String> extracted = delimited.match(message);
                return extracted == null ? null : new FilterMatch(message, extracted, null);
            }
        }
    }

    /**
     * Texts that every message this pattern matches contains as a substring (case-sensitive), for a store to pass
     * over events, or whole chunks, whose stored bytes lack one; empty when the pattern promises none.
     */
    public java.util.List<String> requiredTexts() {
        return switch (kind) {
            case TERMS -> terms.requiredTexts();
            case DELIMITED -> prefilter.rawTexts();
            case ALL, JSON -> java.util.List.of();
        };
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
