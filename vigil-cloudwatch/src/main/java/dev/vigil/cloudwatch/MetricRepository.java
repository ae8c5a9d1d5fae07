package dev.vigil.cloudwatch;

import java.time.Instant;
import java.util.List;

/**
 * The metric store (DESIGN §4): kept narrow so a purpose-built append path can replace the JDBC one later —
 * append a batch, read one series over a time range, list metrics.
 */
public interface MetricRepository {

    /** A ListMetrics dimension filter: a name, and a value unless any value matches. */
    record DimensionFilter(String name, String value) {}

    /** Which metrics to list. {@code seenSince}: only metrics that received data at or after this time. */
    record Listing(String accountId, String region, String namespace, String metricName,
                   List<DimensionFilter> dimensions, Instant seenSince) {}

    /** Where a page of ListMetrics ended, in listing order. */
    record Cursor(String namespace, String metricName, String seriesKey) {}

    /** One page of metrics and the cursor of the next page, or null when this was the last. */
    record Page(List<MetricKey> metrics, Cursor next) {}

    /**
     * Stores the samples of one request: all of them or none (one transaction), durable when this returns.
     * Series are created as needed and marked as seen at {@code receivedAt}.
     */
    void append(String accountId, String region, List<Sample> samples, Instant receivedAt);

    /** The points of one series with {@code from <= timestamp < to}, oldest first, optionally of one unit only. */
    List<Point> read(String accountId, String region, MetricKey key, long fromMillis, long toMillis, String unit);

    /** One series over a time range, optionally of one unit only (a GetMetricData MetricStat). */
    record SeriesRange(MetricKey key, long fromMillis, long toMillis, String unit) {}

    /**
     * The points of each range, in the ranges' order, as {@link #read} answers them: a GetMetricData of many
     * MetricStat queries reads them all in one store pass instead of one per query.
     */
    default List<List<Point>> readAll(String accountId, String region, List<SeriesRange> ranges) {
        List<List<Point>> out = new java.util.ArrayList<>(ranges.size());
        for (SeriesRange r : ranges) out.add(read(accountId, region, r.key(), r.fromMillis(), r.toMillis(), r.unit()));
        return out;
    }

    /** Up to {@code limit} metrics after {@code after} (null: from the start), in (namespace, name, key) order. */
    Page list(Listing listing, Cursor after, int limit);
}
