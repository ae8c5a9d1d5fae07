package dev.vigil.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups a series' points into periods: bucket k covers {@code [start + k·period, start + (k+1)·period)}, so
 * buckets are aligned on the (already rounded) start time as CloudWatch aligns them. Stateless.
 */
final class Buckets {
    private Buckets() {}

    /** One period's summary; {@code unit} is null when units were merged, {@code units} those it holds. */
    record Bucket(long timestamp, String unit, Summary summary, SortedSet<String> units) {}

    /**
     * The non-empty buckets, oldest first (and by unit within a timestamp).
     *
     * @param byUnit one bucket per unit and period (GetMetricStatistics without Unit), else units merged
     */
    static List<Bucket> of(List<Point> points, long start, long end, int periodSeconds, boolean byUnit) {
        long step = periodSeconds * 1000L;
        TreeMap<Long, TreeMap<String, Summary.Accumulator>> acc = new TreeMap<>();
        TreeMap<Long, TreeSet<String>> units = new TreeMap<>();
        for (Point p : points) {
            if (p.timestamp() < start || p.timestamp() >= end) continue;
            long ts = start + Math.floorDiv(p.timestamp() - start, step) * step;
            String unitKey = byUnit ? p.unit() : "";
            acc.computeIfAbsent(ts, k -> new TreeMap<>()).computeIfAbsent(unitKey, k -> new Summary.Accumulator()).add(p);
            units.computeIfAbsent(ts, k -> new TreeSet<>()).add(p.unit());
        }
        List<Bucket> out = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<String, Summary.Accumulator>> e : acc.entrySet()) {
            for (Map.Entry<String, Summary.Accumulator> u : e.getValue().entrySet()) {
                out.add(new Bucket(e.getKey(), byUnit ? u.getKey() : null, u.getValue().summary(),
                        units.get(e.getKey())));
            }
        }
        return out;
    }
}
