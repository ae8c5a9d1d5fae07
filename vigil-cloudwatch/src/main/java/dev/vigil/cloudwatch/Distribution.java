package dev.vigil.cloudwatch;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw values of a datapoint with their counts (weights), sorted by value, values unique: what percentiles
 * and the trimmed statistics are computed from. Stored as 16 bytes a pair (value, count as doubles). Immutable.
 */
public final class Distribution {
    /** Beyond this many distinct values a merged distribution is compacted (see {@link Builder#build()}). */
    static final int MAX_VALUES = 10_000;

    private final double[] values;
    private final double[] counts;
    private final double total;

    private Distribution(double[] values, double[] counts) {
        this.values = values;
        this.counts = counts;
        double t = 0;
        for (double c : counts) t += c;
        this.total = t;
    }

    public static Distribution single(double value, double count) {
        return new Distribution(new double[] {value}, new double[] {count});
    }

    /** Pairs in any order; equal values are merged, zero counts dropped. */
    public static Distribution of(double[] values, double[] counts) {
        Builder b = new Builder();
        for (int i = 0; i < values.length; i++) b.add(values[i], counts[i]);
        return b.build();
    }

    public int size() { return values.length; }
    public double value(int i) { return values[i]; }
    public double count(int i) { return counts[i]; }
    public double total() { return total; }
    public boolean isEmpty() { return values.length == 0; }

    public byte[] encode() {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 16);
        for (int i = 0; i < values.length; i++) buf.putDouble(values[i]).putDouble(counts[i]);
        return buf.array();
    }

    public static Distribution decode(byte[] bytes) {
        if (bytes.length % 16 != 0) throw new IllegalArgumentException("value_counts of " + bytes.length + " bytes");
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int n = bytes.length / 16;
        double[] v = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = buf.getDouble();
            c[i] = buf.getDouble();
        }
        return new Distribution(v, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && Arrays.equals(values, d.values) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts); }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) b.append(i == 0 ? "" : ", ").append(values[i]).append('=').append(counts[i]);
        return b.append('}').toString();
    }

    /** Accumulates values and counts. Not thread-safe. */
    public static final class Builder {
        private final TreeMap<Double, Double> counts = new TreeMap<>();

        public Builder add(double value, double count) {
            if (count > 0) counts.merge(value == 0.0 ? 0.0 : value, count, Double::sum); // -0.0 and 0.0 are one value
            return this;
        }

        public Builder add(Distribution d) {
            for (int i = 0; i < d.size(); i++) add(d.value(i), d.count(i));
            return this;
        }

        public int size() { return counts.size(); }

        /**
         * The distribution; with more than {@link #MAX_VALUES} distinct values (long roll-ups of very varied data),
         * neighbouring values are merged into their count-weighted mean until it fits, which keeps the count and
         * sum exact and moves a percentile by at most the gap between neighbours.
         */
        public Distribution build() {
            int n = counts.size();
            double[] v = new double[n];
            double[] c = new double[n];
            int i = 0;
            for (Map.Entry<Double, Double> e : counts.entrySet()) {
                v[i] = e.getKey();
                c[i++] = e.getValue();
            }
            while (n > MAX_VALUES) n = halve(v, c, n);
            return new Distribution(Arrays.copyOf(v, n), Arrays.copyOf(c, n));
        }

        private static int halve(double[] v, double[] c, int n) {
            int out = 0;
            for (int i = 0; i < n; i += 2) {
                if (i + 1 == n) {
                    v[out] = v[i];
                    c[out++] = c[i];
                } else {
                    double w = c[i] + c[i + 1];
                    v[out] = (v[i] * c[i] + v[i + 1] * c[i + 1]) / w;
                    c[out++] = w;
                }
            }
            return out;
        }
    }
}
