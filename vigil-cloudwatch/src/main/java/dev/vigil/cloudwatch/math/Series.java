package dev.vigil.cloudwatch.math;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * One time series: ascending timestamps (epoch millis, aligned to the period) with their values; a timestamp
 * that is absent is a gap. The arrays are never mutated after construction. Immutable.
 *
 * @param label  the label of the metric it came from (used for array results' labels)
 * @param period seconds between aligned timestamps
 * @param props  what dynamic labels' {@code ${PROP('...')}} read: Namespace, MetricName, Dim.name, Stat,
 *               Period, AccountId, Region; empty for computed series
 */
public record Series(String label, int period, long[] timestamps, double[] values, Map<String, String> props) {

    public Series {
        if (timestamps.length != values.length) throw new IllegalArgumentException("length mismatch");
        props = props == null ? Map.of() : Map.copyOf(props);
    }

    public Series(String label, int period, long[] timestamps, double[] values) {
        this(label, period, timestamps, values, Map.of());
    }

    public static Series of(String label, int period, SortedMap<Long, Double> points) {
        long[] ts = new long[points.size()];
        double[] vs = new double[points.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : points.entrySet()) {
            ts[i] = e.getKey();
            vs[i++] = e.getValue();
        }
        return new Series(label, period, ts, vs);
    }

    public int size() {
        return timestamps.length;
    }

    public boolean isEmpty() {
        return timestamps.length == 0;
    }

    /** The index of {@code ts}, or a negative number when the series has no value there. */
    public int indexOf(long ts) {
        return Arrays.binarySearch(timestamps, ts);
    }

    public Series withLabel(String newLabel) {
        return new Series(newLabel, period, timestamps, values, props);
    }

    public Series withProps(Map<String, String> newProps) {
        return new Series(label, period, timestamps, values, newProps);
    }

    @Override
    public String toString() {
        return label + Arrays.toString(values);
    }
}
