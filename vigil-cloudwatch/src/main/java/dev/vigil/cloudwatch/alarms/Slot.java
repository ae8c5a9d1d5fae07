package dev.vigil.cloudwatch.alarms;

/**
 * One period of an alarm's evaluation range: its start, the statistic's value (null: no datapoint), the sample
 * count behind it (null when unknown, e.g. metric math), and for anomaly detection alarms the band. Immutable.
 */
public record Slot(long timestamp, Double value, Double sampleCount, Double lower, Double upper) {
    public static Slot of(long timestamp, Double value) { return new Slot(timestamp, value, null, null, null); }

    public boolean missing() { return value == null; }
}
