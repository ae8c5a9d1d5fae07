package dev.vigil.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory {@link MetricCatalog} for SEARCH and Metrics Insights tests: metrics with one observation per
 * timestamp, summarized per period like the store does. Not thread-safe (filled, then read, by one test).
 */
public final class FakeCatalog implements MetricCatalog {
    private final TreeMap<MetricKey, TreeMap<Long, Double>> data = new TreeMap<>(Comparator
            .comparing(MetricKey::namespace).thenComparing(MetricKey::metricName)
            .thenComparing(MetricKey::canonicalDimensions));

    /** Adds a metric with one observation at {@code t0 + i * stepSeconds} per non-null value. */
    public FakeCatalog put(String namespace, String name, Map<String, String> dims, long t0, int stepSeconds,
                           Double... values) {
        TreeMap<Long, Double> points = data.computeIfAbsent(MetricKey.of(namespace, name, dims), k -> new TreeMap<>());
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) points.put(t0 + i * stepSeconds * 1000L, values[i]);
        }
        return this;
    }

    @Override
    public List<MetricKey> metrics(String namespace, String metricName, int limit) {
        List<MetricKey> out = new ArrayList<>();
        for (MetricKey k : data.keySet()) {
            if (namespace != null && !namespace.equals(k.namespace())) continue;
            if (metricName != null && !metricName.equals(k.metricName())) continue;
            if (out.size() == limit) break;
            out.add(k);
        }
        return out;
    }

    @Override
    public SortedMap<Long, Summary> periods(MetricKey key, long start, long end, int periodSeconds, long dataFrom) {
        long step = periodSeconds * 1000L;
        TreeMap<Long, Summary.Accumulator> acc = new TreeMap<>();
        if (end <= Math.max(start, dataFrom)) return new TreeMap<>();
        data.getOrDefault(key, new TreeMap<>()).subMap(Math.max(start, dataFrom), end).forEach((ts, v) ->
                acc.computeIfAbsent(start + Math.floorDiv(ts - start, step) * step, t -> new Summary.Accumulator())
                        .add(new Point(ts, 60, "None", 1, v, v, v, null)));
        TreeMap<Long, Summary> out = new TreeMap<>();
        acc.forEach((ts, a) -> out.put(ts, a.summary()));
        return out;
    }

    @Override
    public SortedMap<Long, Double> statistic(MetricKey key, String stat, long start, long end, int periodSeconds) {
        Statistic s = Statistic.parse(stat);
        TreeMap<Long, Double> out = new TreeMap<>();
        periods(key, start, end, periodSeconds).forEach((ts, summary) -> {
            OptionalDouble v = s.evaluate(summary);
            if (v.isPresent()) out.put(ts, v.getAsDouble());
        });
        return out;
    }

    @Override
    public boolean isStatistic(String stat) {
        return Statistic.parse(stat) != null;
    }

    @Override
    public String accountId() {
        return "123456789012";
    }

    @Override
    public String region() {
        return "us-east-1";
    }
}
