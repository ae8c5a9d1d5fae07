package dev.vigil.logs.filter;

import java.util.List;

/** A boolean expression over a parsed JSON event. Implementations are immutable. */
interface JsonCondition {
    boolean test(Object root);

    /** Adds the selectors this condition reads. */
    void collectSelectors(List<JsonSelector> out);

    /** {@code a && b && ...} */
    record All(List<JsonCondition> parts) implements JsonCondition {
        @Override
        public void collectSelectors(List<JsonSelector> out) {
            for (JsonCondition c : parts) c.collectSelectors(out);
        }

        @Override
        public boolean test(Object root) {
            for (JsonCondition c : parts) {
                if (!c.test(root)) return false;
            }
            return true;
        }
    }

    /** {@code a || b || ...} */
    record Any(List<JsonCondition> parts) implements JsonCondition {
        @Override
        public void collectSelectors(List<JsonSelector> out) {
            for (JsonCondition c : parts) c.collectSelectors(out);
        }

        @Override
        public boolean test(Object root) {
            for (JsonCondition c : parts) {
                if (c.test(root)) return true;
            }
            return false;
        }
    }

    /**
     * {@code selector <op> value}. Holds only when the selector points at a string, number or boolean:
     * a missing property, JSON null, an object or an array fail both {@code =} and {@code !=}.
     */
    record Compare(JsonSelector selector, Comparison comparison) implements JsonCondition {
        @Override
        public void collectSelectors(List<JsonSelector> out) {
            out.add(selector);
        }

        @Override
        public boolean test(Object root) {
            Object v = selector.resolve(root);
            String text = JsonEvent.scalarText(v);
            if (text == null) return false;
            double number = v instanceof JsonEvent.Num ? Numbers.parse(text) : Double.NaN;
            return comparison.test(text, number);
        }
    }

    /** {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}. */
    record Is(JsonSelector selector, Kind kind) implements JsonCondition {
        enum Kind { NULL, TRUE, FALSE, NOT_EXISTS }

        @Override
        public void collectSelectors(List<JsonSelector> out) {
            out.add(selector);
        }

        @Override
        public boolean test(Object root) {
            Object v = selector.resolve(root);
            return switch (kind) {
                case NULL -> v == JsonEvent.NULL;
                case TRUE -> v == Boolean.TRUE;
                case FALSE -> v == Boolean.FALSE;
                case NOT_EXISTS -> v == JsonSelector.MISSING;
            };
        }
    }
}
