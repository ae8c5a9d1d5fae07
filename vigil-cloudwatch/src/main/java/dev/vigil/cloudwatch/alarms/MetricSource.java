package dev.vigil.cloudwatch.alarms;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * The metric reads alarms make, served by the very GetMetricData path clients use (statistics per period,
 * metric math), so an alarm sees exactly what GetMetricData shows for its metric.
 */
public interface MetricSource {
    /**
     * GetMetricData of {@code queries} over [start, end) in one account and region, as the CloudWatch service
     * principal: each returned query's datapoints by timestamp (epoch millis), oldest first.
     * @throws dev.vigil.core.AwsException when the queries are not valid (e.g. a metric math error)
     */
    Map<String, SortedMap<Long, Double>> query(String accountId, String region, List<MetricDataQuery> queries,
                                               Instant start, Instant end);

    /** Whether GetMetricData accepts {@code stat} (Statistic or extended statistic such as p99, TM(10%:90%)). */
    boolean isStatistic(String stat);
}
