package dev.vigil.cloudwatch.insights;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A WHERE condition over a metric's label keys (its dimension names). A metric that lacks the key does not
 * match {@code =}, {@code IN} or {@code LIKE}, and does match their negations. Immutable.
 */
public sealed interface Condition {

    boolean test(Map<String, String> dimensions);

    record Equals(String key, String value, boolean negated) implements Condition {
        @Override
        public boolean test(Map<String, String> d) {
            return value.equals(d.get(key)) != negated;
        }
    }

    record In(String key, List<String> values, boolean negated) implements Condition {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean test(Map<String, String> d) {
            String v = d.get(key);
            return (v != null && values.contains(v)) != negated;
        }
    }

    /** {@code LIKE 'pattern'}: {@code %} stands for any run of characters (none included); the rest is literal. */
    record Like(String key, String pattern, boolean negated, Pattern regex) implements Condition {
        static Like of(String key, String pattern, boolean negated) {
            String re = java.util.Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".*"));
            return new Like(key, pattern, negated, Pattern.compile(re, Pattern.DOTALL));
        }

        @Override
        public boolean test(Map<String, String> d) {
            String v = d.get(key);
            return (v != null && regex.matcher(v).matches()) != negated;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, String> d) {
            return left.test(d) && right.test(d);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, String> d) {
            return left.test(d) || right.test(d);
        }
    }
}
