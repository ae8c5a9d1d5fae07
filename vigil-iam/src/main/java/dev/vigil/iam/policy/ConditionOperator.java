package dev.vigil.iam.policy;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The condition operators of "IAM JSON policy elements: Condition operators", without the
 * {@code ForAllValues:}/{@code ForAnyValue:} qualifiers and the {@code IfExists} suffix, which
 * {@link Condition} carries separately. A negated operator is stored with its positive counterpart's
 * comparison plus {@link #negated()}, because AWS defines the negated forms as "negated matching". Immutable.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, Compare.EQ, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Compare.EQ, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, Compare.EQ, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, Compare.EQ, true),
    STRING_LIKE("StringLike", Family.STRING_LIKE, Compare.EQ, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, Compare.EQ, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Compare.EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Compare.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Compare.LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Compare.LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Compare.GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Compare.GE, false),
    DATE_EQUALS("DateEquals", Family.DATE, Compare.EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Compare.EQ, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, Compare.LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Compare.LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Compare.GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Compare.GE, false),
    BOOL("Bool", Family.BOOL, Compare.EQ, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, Compare.EQ, false),
    IP_ADDRESS("IpAddress", Family.IP, Compare.EQ, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, Compare.EQ, true),
    ARN_EQUALS("ArnEquals", Family.ARN, Compare.EQ, false),
    ARN_LIKE("ArnLike", Family.ARN, Compare.EQ, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Compare.EQ, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, Compare.EQ, true),
    NULL("Null", Family.NULL, Compare.EQ, false);

    /** How policy values are compiled and compared. */
    enum Family {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL;

        /** "You can use a policy variable" with String, ARN and Boolean operators only (Variables and tags). */
        boolean allowsVariables() { return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE
                || this == ARN || this == BOOL; }
    }

    /** request value (left) compared with policy value (right). */
    enum Compare {
        EQ, LT, LE, GT, GE;

        boolean test(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.awsName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String awsName;
    private final Family family;
    private final Compare compare;
    private final boolean negated;

    ConditionOperator(String awsName, Family family, Compare compare, boolean negated) {
        this.awsName = awsName;
        this.family = family;
        this.compare = compare;
        this.negated = negated;
    }

    public String awsName() { return awsName; }

    public boolean negated() { return negated; }

    Family family() { return family; }

    Compare compare() { return compare; }

    /** The operator for a base name such as "StringLike" (case-insensitive), or null. */
    static ConditionOperator byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
