package dev.vigil.core.service;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An input constraint of the service model (Smithy's length, range, pattern, enum traits), which the
 * SDK classes do not carry. The Validator phrases violations as AWS does. Immutable.
 */
public sealed interface Constraint {

    /** String length, list/map size; null bound = unbounded. */
    record Length(Integer min, Integer max) implements Constraint {}

    /** Numeric range; null bound = unbounded. */
    record Range(Double min, Double max) implements Constraint {}

    record Regex(String regex, Pattern compiled) implements Constraint {
        public Regex(String regex) { this(regex, Pattern.compile(regex, Pattern.DOTALL)); }
    }

    record OneOf(List<String> values) implements Constraint {}

    /** A member the model marks required (in addition to the SDK's RequiredTrait). */
    record Required() implements Constraint {}

    static Constraint length(Integer min, Integer max) { return new Length(min, max); }
    static Constraint range(Number min, Number max) {
        return new Range(min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue());
    }
    static Constraint pattern(String regex) { return new Regex(regex); }
    static Constraint oneOf(String... values) { return new OneOf(List.of(values)); }
    static Constraint required() { return new Required(); }
}
