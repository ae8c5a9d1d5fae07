package dev.vigil.cloudwatch;

/**
 * The statistic set of one bucket (period) of a series, with its raw values when known (null: some datum was a
 * statistic set, so percentiles and trimmed statistics are unavailable). Immutable.
 */
public record Summary(double sampleCount, double sum, double min, double max, Distribution values) {

    /** Accumulates points into a summary. Not thread-safe. */
    public static final class Accumulator {
        private double count;
        private double sum;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private final Distribution.Builder values = new Distribution.Builder();
        private boolean valuesKnown = true;

        public Accumulator add(Point p) {
            count += p.sampleCount();
            sum += p.sum();
            min = Math.min(min, p.min());
            max = Math.max(max, p.max());
            Distribution d = p.distribution();
            if (d == null) valuesKnown = false;
            else if (valuesKnown) values.add(d);
            return this;
        }

        public boolean isEmpty() { return count == 0 && min == Double.POSITIVE_INFINITY; }

        public Summary summary() {
            return new Summary(count, sum, min, max, valuesKnown ? values.build() : null);
        }

        /** This bucket as one stored point (a roll-up), keeping the raw values only when they are not implied. */
        public Point toPoint(long timestamp, int resolution, String unit) {
            Distribution d = valuesKnown ? values.build() : null;
            boolean implied = d != null && d.size() == 1 && d.value(0) == min && min == max;
            return new Point(timestamp, resolution, unit, count, sum, min, max, implied ? null : d);
        }
    }
}
