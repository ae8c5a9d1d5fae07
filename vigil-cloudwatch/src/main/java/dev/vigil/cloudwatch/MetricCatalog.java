package dev.vigil.cloudwatch;

import java.util.List;
import java.util.SortedMap;

/**
 * One account and region's metrics as SEARCH and Metrics Insights see them: the metrics that received data in
 * the past two weeks, and their datapoints per period. Implementations are bound to one request's caller and
 * are thread-safe.
 */
public interface MetricCatalog {

    /**
     * Metrics listed as ListMetrics lists them (received data in the past two weeks), in (namespace, name,
     * dimensions) order.
     *
     * @param namespace  only this namespace, or null for all
     * @param metricName only this name, or null for all
     * @param limit      at most this many
     */
    List<MetricKey> metrics(String namespace, String metricName, int limit);

    /** The summary of each period of one metric over {@code [start, end)} that holds data, by period start. */
    default SortedMap<Long, Summary> periods(MetricKey key, long start, long end, int periodSeconds) {
        return periods(key, start, end, periodSeconds, start);
    }

    /**
     * As {@link #periods(MetricKey, long, long, int)}, with periods still aligned on {@code start} but counting
     * only the data at or after {@code dataFrom}: Metrics Insights reads two weeks back, so its oldest period
     * may hold part of its data (AWS's "the oldest timestamp in my graph has a lower metric value").
     */
    SortedMap<Long, Summary> periods(MetricKey key, long start, long end, int periodSeconds, long dataFrom);

    /**
     * One statistic per period of one metric ({@code stat} in AWS's spelling), by period start; periods
     * without data, or where the statistic cannot be computed, are absent.
     */
    SortedMap<Long, Double> statistic(MetricKey key, String stat, long start, long end, int periodSeconds);

    /** Whether {@code stat} is a statistic CloudWatch knows (Average, p99, TM(10%:90%) ...). */
    boolean isStatistic(String stat);

    /** The account the metrics belong to (for {@code ${PROP('AccountId')}}). */
    String accountId();

    /** The region the metrics belong to (for {@code ${PROP('Region')}}). */
    String region();
}
