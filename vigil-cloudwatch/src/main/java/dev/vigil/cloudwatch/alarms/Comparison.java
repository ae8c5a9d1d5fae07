package dev.vigil.cloudwatch.alarms;

import java.util.Arrays;

/** The ComparisonOperator values: how a datapoint breaches, and how AWS words it in a StateReason. Stateless. */
public enum Comparison {
    GreaterThanOrEqualToThreshold("greater than or equal to", false),
    GreaterThanThreshold("greater than", false),
    LessThanThreshold("less than", false),
    LessThanOrEqualToThreshold("less than or equal to", false),
    LessThanLowerOrGreaterThanUpperThreshold("outside the band", true),
    LessThanLowerThreshold("less than the lower thresholds", true),
    GreaterThanUpperThreshold("greater than the upper thresholds", true);

    final String phrase;
    final boolean band;

    Comparison(String phrase, boolean band) {
        this.phrase = phrase;
        this.band = band;
    }

    public boolean isBand() { return band; }

    public static Comparison of(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Whether a present datapoint breaches; band operators use the slot's band. */
    boolean breaches(Slot s, double threshold) {
        double v = s.value();
        return switch (this) {
            case GreaterThanOrEqualToThreshold -> v >= threshold;
            case GreaterThanThreshold -> v > threshold;
            case LessThanThreshold -> v < threshold;
            case LessThanOrEqualToThreshold -> v <= threshold;
            case LessThanLowerOrGreaterThanUpperThreshold -> s.lower() != null && (v < s.lower() || v > s.upper());
            case LessThanLowerThreshold -> s.lower() != null && v < s.lower();
            case GreaterThanUpperThreshold -> s.upper() != null && v > s.upper();
        };
    }
}
