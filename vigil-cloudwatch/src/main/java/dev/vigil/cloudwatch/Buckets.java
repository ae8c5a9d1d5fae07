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
        if (!byUnit && inTimeOrder(points)) return inOrder(points, start, end, step);
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

    private static boolean inTimeOrder(List<Point> points) {
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).timestamp() < points.get(i - 1).timestamp()) return false;
        }
        return true;
    }

    /**
     * The same buckets in one pass over points in time order (what the store returns): a GetMetricData of 100
     * series x 1,440 points spent half its time in the general path's maps of maps.
     */
    private static List<Bucket> inOrder(List<Point> points, long start, long end, long step) {
        List<Bucket> out = new ArrayList<>();
        long current = Long.MIN_VALUE;
        Summary.Accumulator acc = null;
        TreeSet<String> units = null;
        for (Point p : points) {
            if (p.timestamp() < start || p.timestamp() >= end) continue;
            long ts = start + Math.floorDiv(p.timestamp() - start, step) * step;
            if (acc == null || ts != current) {
                if (acc != null) out.add(new Bucket(current, null, acc.summary(), units));
                current = ts;
                acc = new Summary.Accumulator();
                units = new TreeSet<>();
            }
            acc.add(p);
            units.add(p.unit());
        }
        if (acc != null) out.add(new Bucket(current, null, acc.summary(), units));
        return out;
    }
}
