package dev.vigil.cloudwatch.insights;

import dev.vigil.cloudwatch.MetricCatalog;
import dev.vigil.cloudwatch.MetricKey;
import dev.vigil.cloudwatch.Summary;
import dev.vigil.cloudwatch.insights.InsightsQuery.Aggregate;
import dev.vigil.cloudwatch.math.Diagnostics;
import dev.vigil.cloudwatch.math.Series;
import dev.vigil.cloudwatch.math.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs a Metrics Insights query, following "Metrics Insights query components and syntax" and "Metrics Insights
 * quotas": the metrics of the namespace with the metric name (with SCHEMA, only those whose dimension names are
 * exactly the listed keys), filtered by WHERE, at most the first 10,000 of them; one group (or one per GROUP BY
 * value combination, a missing key counting as {@code Other}); each period's matched observations aggregated by
 * the SELECT function; groups in ascending order of their GROUP BY values unless ORDER BY computes one value per
 * returned series (its datapoints over the whole range) to sort on, series without datapoints last; at most
 * LIMIT (500 by default and at most). High-resolution periods are answered at one minute. Stateless.
 */
public final class InsightsEngine {
    public static final int MAX_METRICS = 10_000;
    public static final int MAX_SERIES = 500;
    static final String OTHER = "Other";
    /** How many candidate metrics are read from the index before SCHEMA and WHERE filter them. */
    private static final int MAX_CANDIDATES = 1_000_000;

    private InsightsEngine() {}

    /**
     * @return one series without GROUP BY (unlabelled, so the query's Label or Id names it), else an array of
     *     series labelled with their GROUP BY values separated by spaces
     */
    public static Value run(InsightsQuery q, MetricCatalog catalog, long start, long end, int requestedPeriod,
                            long dataFrom, Diagnostics d) {
        int period = Math.max(60, requestedPeriod);
        long alignedStart = start;
        List<MetricKey> matched = new ArrayList<>();
        for (MetricKey k : catalog.metrics(q.namespace(), q.metricName(), MAX_CANDIDATES)) {
            if (!k.namespace().equals(q.namespace()) || !k.metricName().equals(q.metricName())) continue;
            if (q.schema() != null && !k.dimensions().keySet().equals(q.schema())) continue;
            if (q.where() != null && !q.where().test(k.dimensions())) continue;
            if (matched.size() == MAX_METRICS) {
                d.note("MaxMetricsExceeded", "The query matched more than " + MAX_METRICS
                        + " metrics; only the first " + MAX_METRICS + " were processed.");
                break;
            }
            matched.add(k);
        }
        Map<List<String>, TreeMap<Long, Observations>> groups = new TreeMap<>(InsightsEngine::compareGroups);
        for (MetricKey k : matched) {
            List<String> group = q.groupBy().stream().map(key -> k.dimensions().getOrDefault(key, OTHER)).toList();
            TreeMap<Long, Observations> periods = groups.computeIfAbsent(group, g -> new TreeMap<>());
            catalog.periods(k, alignedStart, end, period, dataFrom).forEach((ts, s) ->
                    periods.computeIfAbsent(ts, t -> new Observations()).add(s));
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("Namespace", q.namespace());
        props.put("MetricName", q.metricName());
        props.put("Stat", q.function().name());
        props.put("Period", Integer.toString(period));
        props.put("AccountId", catalog.accountId());
        props.put("Region", catalog.region());
        if (q.groupBy().isEmpty()) {
            TreeMap<Long, Observations> only = groups.getOrDefault(List.of(), new TreeMap<>());
            return new Value.Single(series(null, period, only, q.function()).withProps(props));
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<List<String>, TreeMap<Long, Observations>> g : groups.entrySet()) {
            Map<String, String> own = new LinkedHashMap<>(props);
            for (int i = 0; i < q.groupBy().size(); i++) own.put("Dim." + q.groupBy().get(i), g.getKey().get(i));
            out.add(series(String.join(" ", g.getKey()), period, g.getValue(), q.function()).withProps(own));
        }
        if (q.orderBy() != null) {
            Comparator<Series> byValue = Comparator.comparingDouble(s -> scalar(q.orderBy(), s));
            if (q.descending()) byValue = byValue.reversed();
            out.sort(Comparator.<Series, Boolean>comparing(Series::isEmpty).thenComparing(byValue));
        }
        int limit = q.limit() == null ? MAX_SERIES : Math.min(q.limit(), MAX_SERIES);
        return new Value.Array(out.size() > limit ? out.subList(0, limit) : out);
    }

    /** One datapoint per period: the SELECT function over all observations the group's metrics have there. */
    private static Series series(String label, int period, SortedMap<Long, Observations> periods,
                                 Aggregate f) {
        TreeMap<Long, Double> points = new TreeMap<>();
        periods.forEach((ts, o) -> {
            if (o.count <= 0) return;
            points.put(ts, switch (f) {
                case AVG -> o.sum / o.count;
                case COUNT -> o.count;
                case SUM -> o.sum;
                case MIN -> o.min;
                case MAX -> o.max;
            });
        });
        return Series.of(label, period, points);
    }

    /** ORDER BY's value of one returned series: the function over its datapoints. */
    static double scalar(Aggregate f, Series s) {
        double[] v = s.values();
        if (v.length == 0) return Double.NaN;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return switch (f) {
            case AVG -> sum / v.length;
            case COUNT -> v.length;
            case SUM -> sum;
            case MIN -> min;
            case MAX -> max;
        };
    }

    private static int compareGroups(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The observations of one group in one period. Not thread-safe: confined to one run. */
    private static final class Observations {
        double count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(Summary s) {
            count += s.sampleCount();
            sum += s.sum();
            min = Math.min(min, s.min());
            max = Math.max(max, s.max());
        }
    }
}
