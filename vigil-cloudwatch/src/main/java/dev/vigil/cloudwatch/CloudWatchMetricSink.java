package dev.vigil.cloudwatch;

import dev.vigil.core.AwsException;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.MetricSink;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The in-process {@link MetricSink} (DESIGN §5): other services' datapoints (metric filters, AWS/* metrics)
 * go through PutMetricData's validation — AWS/ namespaces allowed — into the same store. A datapoint that is
 * invalid or cannot be stored is a recorded delivery failure, never an exception thrown back at the caller.
 * Thread-safe (stateless).
 */
public final class CloudWatchMetricSink implements MetricSink {
    private final MetricRepository metrics;
    private final Clock clock;
    private final DeliveryFailures failures;

    public CloudWatchMetricSink(MetricRepository metrics, Clock clock, DeliveryFailures failures) {
        this.metrics = metrics;
        this.clock = clock;
        this.failures = failures;
    }

    @Override
    public void put(String accountId, String region, String namespace, String metricName, Map<String, String> dimensions,
                    Instant timestamp, double value, String unit) {
        MetricDatum datum = MetricDatum.builder().metricName(metricName).timestamp(timestamp).value(value).unit(unit)
                .dimensions(dimensions.entrySet().stream()
                        .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                .build();
        Instant now = clock.instant();
        try {
            List<Sample> samples = MetricDataValidator.validate(namespace, List.of(datum), null, true, now);
            metrics.append(accountId, region, samples, now);
        } catch (AwsException | IllegalStateException e) {
            failures.record("metric", namespace + "/" + metricName, e.getMessage());
        }
    }
}
