package dev.vigil.cloudwatch;

/**
 * One stored datapoint of a series: a published datum, or a roll-up of many, reduced to its statistic set plus
 * the raw values when they are known. Immutable.
 *
 * @param timestamp  epoch millis, truncated to the storage resolution
 * @param resolution storage resolution in seconds: 1 or 60 as published, 300 or 3600 after roll-ups
 * @param unit       the StandardUnit name; "None" when none was given
 * @param values     the raw values with their counts, or null: then they are implied when {@code min == max}
 *                   (every sample equals min) and unknown otherwise (published as a statistic set)
 */
public record Point(long timestamp, int resolution, String unit, double sampleCount, double sum, double min,
                    double max, Distribution values) {

    /** The raw values, explicit or implied, or null when only the statistic set is known. */
    public Distribution distribution() {
        if (values != null) return values;
        return min == max ? Distribution.single(min, sampleCount) : null;
    }
}
