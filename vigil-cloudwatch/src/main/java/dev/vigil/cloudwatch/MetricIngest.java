package dev.vigil.cloudwatch;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * PutMetricData: validate the whole batch, then store it in one append; a rejected request stores nothing.
 * The 1 MB body limit is the gateway's (see the module report). Thread-safe (stateless).
 */
final class MetricIngest {
    private final MetricRepository metrics;
    private final Clock clock;

    MetricIngest(MetricRepository metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    PutMetricDataResponse putMetricData(RequestContext ctx, PutMetricDataRequest r) {
        Instant now = clock.instant();
        // EntityMetricData's metrics are stored like MetricData's; the entity itself is not kept yet.
        List<Sample> samples = MetricDataValidator.validate(r.namespace(), r.hasMetricData() ? r.metricData() : null,
                r.hasEntityMetricData() ? r.entityMetricData() : null, false, now);
        metrics.append(ctx.accountId(), ctx.region(), samples, now);
        return PutMetricDataResponse.builder().build();
    }
}
