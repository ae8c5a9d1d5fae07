package dev.vigil.cloudwatch.search;

import dev.vigil.cloudwatch.MetricKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SearchTerm of a search expression: partial-match words, exact-match quoted strings, either behind a
 * property designator ({@code MetricName=}, {@code Namespace=}, or a dimension name), and AND / OR / NOT.
 * Without a designator a term matches the namespace, metric name, any dimension name or any dimension value.
 * Immutable.
 */
sealed interface SearchTerm {

    boolean matches(MetricKey k);

    /** A bare or quoted term, optionally behind {@code property=}. */
    record Match(String property, String text, boolean exact) implements SearchTerm {
        @Override
        public boolean matches(MetricKey k) {
            for (String candidate : candidates(k)) {
                if (exact ? candidate.equals(text) : SearchTokens.partialMatch(text, candidate)) return true;
            }
            return false;
        }

        private List<String> candidates(MetricKey k) {
            if ("MetricName".equals(property)) return List.of(k.metricName());
            if ("Namespace".equals(property)) return List.of(k.namespace());
            if (property != null) {
                String v = k.dimensions().get(property);
                return v == null ? List.of() : List.of(v);
            }
            List<String> out = new ArrayList<>(List.of(k.namespace(), k.metricName()));
            for (Map.Entry<String, String> e : k.dimensions().entrySet()) {
                out.add(e.getKey());
                out.add(e.getValue());
            }
            return out;
        }
    }

    record And(SearchTerm left, SearchTerm right) implements SearchTerm {
        @Override
        public boolean matches(MetricKey k) {
            return left.matches(k) && right.matches(k);
        }
    }

    record Or(SearchTerm left, SearchTerm right) implements SearchTerm {
        @Override
        public boolean matches(MetricKey k) {
            return left.matches(k) || right.matches(k);
        }
    }

    record Not(SearchTerm term) implements SearchTerm {
        @Override
        public boolean matches(MetricKey k) {
            return !term.matches(k);
        }
    }

    /** The empty SearchTerm of a search that has only a metric schema. */
    record All() implements SearchTerm {
        @Override
        public boolean matches(MetricKey k) {
            return true;
        }
    }
}
