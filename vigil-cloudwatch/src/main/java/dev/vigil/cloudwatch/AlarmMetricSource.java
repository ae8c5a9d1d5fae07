package dev.vigil.cloudwatch;

import dev.vigil.cloudwatch.alarms.MetricSource;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** Alarms' metric reads through {@link MetricDataQueries}, the GetMetricData path. Thread-safe (stateless). */
public final class AlarmMetricSource implements MetricSource {
    static final String PRINCIPAL = "cloudwatch.amazonaws.com";

    private final MetricDataQueries queries;
    private final Clock clock;

    public AlarmMetricSource(MetricRepository metrics, Clock clock) {
        this.queries = new MetricDataQueries(metrics, clock);
        this.clock = clock;
    }

    @Override
    public Map<String, SortedMap<Long, Double>> query(String accountId, String region, List<MetricDataQuery> q,
                                                      Instant start, Instant end) {
        RequestContext ctx = new RequestContext(Ids.uuid(), clock.instant(), region,
                Caller.service(PRINCIPAL, accountId), "127.0.0.1", null, "monitoring", "GetMetricData");
        Map<String, SortedMap<Long, Double>> out = new HashMap<>();
        String token = null;
        do {
            GetMetricDataResponse r = queries.getMetricData(ctx, GetMetricDataRequest.builder().metricDataQueries(q)
                    .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token).build());
            for (MetricDataResult res : r.metricDataResults()) {
                SortedMap<Long, Double> points = out.computeIfAbsent(res.id(), k -> new TreeMap<>());
                for (int i = 0; i < res.timestamps().size(); i++) {
                    points.put(res.timestamps().get(i).toEpochMilli(), res.values().get(i));
                }
            }
            token = r.nextToken();
        } while (token != null);
        return out;
    }

    @Override
    public boolean isStatistic(String stat) {
        return stat != null && Statistic.parse(stat) != null;
    }
}
