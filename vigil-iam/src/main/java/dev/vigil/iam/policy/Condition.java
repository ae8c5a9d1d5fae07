package dev.vigil.iam.policy;

import dev.vigil.iam.policy.ConditionOperator.Family;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One condition test: an operator applied to one context key and its policy values, e.g.
 * {@code "ForAnyValue:StringLike": {"aws:TagKeys": ["team*", "cost*"]}}. Semantics, from the IAM docs:
 * <ul>
 * <li>several policy values for one key are ORed (Condition element, "evaluation logic");</li>
 * <li>a key missing from the context makes the test false, except that a negated operator
 *     ({@code StringNotLike}, {@code ArnNotLike}, ...) is then true (Condition operators, "Important");</li>
 * <li>{@code ...IfExists} is true when the key is missing; {@code Null} tests presence;</li>
 * <li>{@code ForAllValues} is true for a missing key or an empty set, {@code ForAnyValue} false
 *     (Creating a condition with multiple keys or values);</li>
 * <li>a policy variable without a value makes the test false ("any attempt to match it fails").</li>
 * </ul>
 * Without a set qualifier, a multivalued key matches a positive operator when any value matches, and a
 * negated operator when no value matches (the negation of the positive form). Immutable, thread-safe.
 */
public final class Condition {
    /** The set operator qualifier, if any. */
    public enum Qualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private final String operatorText;
    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerKey;
    private final Value[] values;
    private final boolean hasVariables;
    private final List<String> variableKeys;

    Condition(String operatorText, ConditionOperator operator, Qualifier qualifier, boolean ifExists, String key,
              List<String> rawValues, boolean variablesEnabled) {
        this.operatorText = operatorText;
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        boolean vars = variablesEnabled && operator.family().allowsVariables();
        this.values = rawValues.stream().map(v -> compile(operator, v, vars)).toArray(Value[]::new);
        List<String> refs = new ArrayList<>();
        for (Value v : values) refs.addAll(v.variableKeys());
        this.variableKeys = List.copyOf(refs);
        this.hasVariables = !refs.isEmpty();
    }

    public String operatorText() { return operatorText; }

    public ConditionOperator operator() { return operator; }

    public Qualifier qualifier() { return qualifier; }

    public boolean ifExists() { return ifExists; }

    /** The context key as written in the policy. */
    public String key() { return key; }

    /** Context keys read through policy variables in the values. */
    public List<String> variableKeys() { return variableKeys; }

    boolean test(ConditionContext ctx) {
        String[] present = ctx.getLower(lowerKey);
        boolean empty = present == null || present.length == 0 || (present.length == 1 && present[0].isEmpty()
                && qualifier != Qualifier.NONE);
        if (operator == ConditionOperator.NULL) return testNull(present == null || present.length == 0);
        if (hasVariables && !resolvable(ctx)) return false;
        switch (qualifier) {
            case FOR_ALL_VALUES:
                if (empty) return true;
                for (String v : present) if (!matchesOne(v, ctx)) return false;
                return true;
            case FOR_ANY_VALUE:
                if (empty) return ifExists;
                for (String v : present) if (matchesOne(v, ctx)) return true;
                return false;
            default:
                if (empty) return ifExists || operator.negated();
                if (operator.negated()) {
                    for (String v : present) if (!matchesOne(v, ctx)) return false;
                    return true;
                }
                for (String v : present) if (matchesOne(v, ctx)) return true;
                return false;
        }
    }

    /** The operator applied to one request value: positive -> some policy value matches; negated -> none does. */
    private boolean matchesOne(String requestValue, ConditionContext ctx) {
        boolean any = false;
        for (Value p : values) {
            if (p.matches(requestValue, ctx)) {
                any = true;
                break;
            }
        }
        return operator.negated() != any;
    }

    private boolean testNull(boolean absent) {
        for (Value v : values) {
            String expected = ((NullValue) v).expected;
            if (expected.equalsIgnoreCase("true") && absent) return true;
            if (expected.equalsIgnoreCase("false") && !absent) return true;
        }
        return false;
    }

    private boolean resolvable(ConditionContext ctx) {
        for (Value v : values) if (!v.resolvable(ctx)) return false;
        return true;
    }

    @Override
    public String toString() {
        return operatorText + "{" + key + "=" + Arrays.toString(values) + "}";
    }

    // ---- policy values, compiled once per operator family ----

    private abstract static class Value {
        boolean resolvable(ConditionContext ctx) { return true; }

        List<String> variableKeys() { return List.of(); }

        abstract boolean matches(String requestValue, ConditionContext ctx);
    }

    private static Value compile(ConditionOperator op, String raw, boolean variables) {
        return switch (op.family()) {
            case STRING, STRING_IGNORE_CASE, STRING_LIKE, BOOL -> new TextValue(op.family(), Template.compile(raw, variables));
            case NUMERIC -> new NumberValue(raw, op.compare());
            case DATE -> new DateValue(raw, op.compare());
            case BINARY -> new BinaryValue(raw);
            case IP -> new IpValue(raw);
            case ARN -> new ArnValue(ArnPattern.compile(raw, variables));
            case NULL -> new NullValue(raw);
        };
    }

    /** String*, StringLike and Bool: compared as text, possibly after substituting variables. */
    private static final class TextValue extends Value {
        private final Family family;
        private final Template template;
        private final String constant;   // resolved text when there is no variable
        private final Glob constantGlob; // for StringLike without variables

        TextValue(Family family, Template template) {
            this.family = family;
            this.template = template;
            this.constant = template.isConstant() ? template.resolve(null) : null;
            this.constantGlob = template.isConstant() && family == Family.STRING_LIKE
                    ? template.resolveGlob(null, false) : null;
        }

        @Override
        boolean resolvable(ConditionContext ctx) { return template.isConstant() || template.resolve(ctx) != null; }

        @Override
        List<String> variableKeys() { return template.variableKeys(); }

        @Override
        boolean matches(String v, ConditionContext ctx) {
            if (family == Family.STRING_LIKE) {
                Glob g = constantGlob != null ? constantGlob : template.resolveGlob(ctx, false);
                return g != null && g.matches(v);
            }
            String p = constant != null ? constant : template.resolve(ctx);
            if (p == null) return false;
            return family == Family.STRING ? p.equals(v) : p.equalsIgnoreCase(v);
        }

        @Override
        public String toString() { return template.raw(); }
    }

    private static final class NumberValue extends Value {
        private final String raw;
        private final double value;
        private final ConditionOperator.Compare compare;

        NumberValue(String raw, ConditionOperator.Compare compare) {
            this.raw = raw;
            this.value = parse(raw);
            this.compare = compare;
        }

        static double parse(String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        @Override
        boolean matches(String v, ConditionContext ctx) {
            double r = parse(v);
            return !Double.isNaN(r) && !Double.isNaN(value) && compare.test(Double.compare(r, value));
        }

        @Override
        public String toString() { return raw; }
    }

    private static final class DateValue extends Value {
        private final String raw;
        private final long millis;
        private final ConditionOperator.Compare compare;

        DateValue(String raw, ConditionOperator.Compare compare) {
            this.raw = raw;
            this.millis = DateValues.parse(raw);
            this.compare = compare;
        }

        @Override
        boolean matches(String v, ConditionContext ctx) {
            long r = DateValues.parse(v);
            return r != DateValues.INVALID && millis != DateValues.INVALID && compare.test(Long.compare(r, millis));
        }

        @Override
        public String toString() { return raw; }
    }

    /** "compares the value of the specified key byte for byte against a base-64 encoded representation". */
    private static final class BinaryValue extends Value {
        private final String raw;
        private final byte[] bytes;

        BinaryValue(String raw) {
            this.raw = raw;
            this.bytes = decode(raw);
        }

        /** Context values carry binary data base64-encoded too; anything else is taken as its UTF-8 bytes. */
        static byte[] decode(String s) {
            try {
                return Base64.getDecoder().decode(s.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        boolean matches(String v, ConditionContext ctx) {
            if (bytes == null) return false;
            byte[] r = decode(v);
            return Arrays.equals(bytes, r != null ? r : v.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() { return raw; }
    }

    private static final class IpValue extends Value {
        private final String raw;
        private final IpCidr cidr;

        IpValue(String raw) {
            this.raw = raw;
            this.cidr = IpCidr.parse(raw);
        }

        @Override
        boolean matches(String v, ConditionContext ctx) { return cidr != null && cidr.contains(v); }

        @Override
        public String toString() { return raw; }
    }

    private static final class ArnValue extends Value {
        private final ArnPattern pattern;

        ArnValue(ArnPattern pattern) { this.pattern = pattern; }

        @Override
        boolean resolvable(ConditionContext ctx) {
            Template t = pattern.resourceTemplate();
            return t == null || t.isConstant() || t.resolve(ctx) != null;
        }

        @Override
        List<String> variableKeys() {
            Template t = pattern.resourceTemplate();
            return t == null ? List.of() : t.variableKeys();
        }

        @Override
        boolean matches(String v, ConditionContext ctx) { return pattern.matches(v, ctx); }

        @Override
        public String toString() { return pattern.toString(); }
    }

    private static final class NullValue extends Value {
        private final String expected;

        NullValue(String expected) { this.expected = expected; }

        @Override
        boolean matches(String v, ConditionContext ctx) { return false; }

        @Override
        public String toString() { return expected; }
    }
}
