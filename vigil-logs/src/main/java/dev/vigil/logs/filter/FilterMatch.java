package dev.vigil.logs.filter;

import java.util.Map;
import java.util.Optional;

/**
 * What one event bound when it matched a {@link FilterPattern}: the fields of a space-delimited pattern and,
 * for JSON events, any property. Thread-safe: the event's JSON is parsed on first use (two threads racing
 * may both parse it, harmlessly).
 */
public final class FilterMatch {
    private static final Object UNPARSED = new Object();

    private final String message;
    private final Map<String, String> extracted;
    private volatile Object json;

    FilterMatch(String message, Map<String, String> extracted, Object json) {
        this.message = message;
        this.extracted = extracted == null ? Map.of() : extracted;
        this.json = json == null ? UNPARSED : json;
    }

    /**
     * A value bound by the match, for metric filter metricValue / dimensions: "$.latency", "$.a.b[0]" (JSON
     * patterns: evaluated against the event's JSON even if the selector was not in the pattern), "$status_code"
     * (a named field of a space-delimited pattern). Empty when absent.
     */
    public Optional<String> value(String selector) {
        if (selector == null || !selector.startsWith("$")) {
            return Optional.empty();
        }
        if (!selector.startsWith("$.")) {
            return Optional.ofNullable(extracted.get(selector));
        }
        JsonSelector parsed;
        try {
            parsed = JsonSelector.parse(selector);
        } catch (FilterPatternException e) {
            return Optional.empty();
        }
        Object root = json();
        if (root == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(JsonEvent.scalarText(parsed.resolve(root)));
    }

    /**
     * The fields a space-delimited pattern extracted, in event order, keyed {@code $name} for named fields and
     * {@code $<position>} (1-based) for the others: TestMetricFilter's {@code extractedValues}. Empty for
     * other patterns.
     */
    public Map<String, String> extractedValues() {
        return extracted;
    }

    private Object json() {
        Object j = json;
        if (j == UNPARSED) {
            j = JsonEvent.parse(message);
            json = j;
        }
        return j;
    }
}
