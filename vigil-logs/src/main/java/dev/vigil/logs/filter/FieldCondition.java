package dev.vigil.logs.filter;

import java.util.List;

/** A test of one space-delimited field's value. Implementations are immutable. */
interface FieldCondition {
    boolean test(String field, double number);

    /** {@code a && b && ...} */
    record All(List<FieldCondition> parts) implements FieldCondition {
        @Override
        public boolean test(String field, double number) {
            for (FieldCondition c : parts) {
                if (!c.test(field, number)) return false;
            }
            return true;
        }
    }

    /** {@code a || b || ...} */
    record Any(List<FieldCondition> parts) implements FieldCondition {
        @Override
        public boolean test(String field, double number) {
            for (FieldCondition c : parts) {
                if (c.test(field, number)) return true;
            }
            return false;
        }
    }

    /** {@code name <op> value}. */
    record Compare(Comparison comparison) implements FieldCondition {
        @Override
        public boolean test(String field, double number) {
            return comparison.test(field, number);
        }
    }
}
