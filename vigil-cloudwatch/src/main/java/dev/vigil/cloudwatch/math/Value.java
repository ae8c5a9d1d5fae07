package dev.vigil.cloudwatch.math;

import java.util.List;

/** What an expression evaluates to: AWS's S, TS and TS[] types, and the words and strings functions take. Immutable. */
public sealed interface Value {
    record Scalar(double value) implements Value {}

    record Single(Series series) implements Value {}

    record Array(List<Series> series) implements Value {
        public Array {
            series = List.copyOf(series);
        }
    }

    /** A bare upper-case word used as an argument: REPEAT, LINEAR, ASC, DESC, AVG in SORT. */
    record Word(String word) implements Value {}

    /** A string literal: METRICS("errors"), SEARCH('...'). */
    record Text(String text) implements Value {}

    static String typeName(Value v) {
        if (v instanceof Scalar) return "scalar";
        if (v instanceof Single) return "time series";
        if (v instanceof Array) return "array of time series";
        if (v instanceof Word w) return "keyword " + w.word();
        return "string";
    }
}
