package dev.vigil.logs;

import dev.vigil.logs.filter.FilterPattern;
import dev.vigil.logs.filter.FilterPatternException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled filter patterns by text, so FilterLogEvents pages and metric filters on every PutLogEvents do not
 * re-parse them. Bounded: cleared when full. Thread-safe (a concurrent map of immutable patterns).
 */
final class Patterns {
    private static final int MAX = 2000;
    private final Map<String, FilterPattern> compiled = new ConcurrentHashMap<>();

    /** The compiled pattern; InvalidParameterException with the parser's message when it is not valid. */
    FilterPattern compile(String text) {
        String key = text == null ? "" : text;
        FilterPattern p = compiled.get(key);
        if (p != null) return p;
        try {
            p = FilterPattern.compile(key);
        } catch (FilterPatternException e) {
            throw LogsErrors.invalid(e.getMessage());
        }
        if (compiled.size() >= MAX) compiled.clear();
        compiled.put(key, p);
        return p;
    }
}
