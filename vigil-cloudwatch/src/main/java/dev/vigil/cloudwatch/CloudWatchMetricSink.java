package dev.vigil.cloudwatch;

import dev.vigil.core.AwsException;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.MetricSink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
        putAll(accountId, region, List.of(new Datapoint(namespace, metricName, dimensions, timestamp, value, unit)));
    }

    /** Validates each datapoint on its own (a bad one is its own delivery failure), then stores the rest in one append. */
    @Override
    public void putAll(String accountId, String region, List<Datapoint> points) {
        if (points.isEmpty()) return;
        Instant now = clock.instant();
        List<Sample> samples = new ArrayList<>(points.size());
        for (Datapoint p : points) {
            MetricDatum datum = MetricDatum.builder().metricName(p.metricName()).timestamp(p.timestamp())
                    .value(p.value()).unit(p.unit())
                    .dimensions(p.dimensions().entrySet().stream()
                            .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                    .build();
            try {
                samples.addAll(MetricDataValidator.validate(p.namespace(), List.of(datum), null, true, now));
            } catch (AwsException e) {
                failures.record("metric", p.namespace() + "/" + p.metricName(), e.getMessage());
            }
        }
        if (samples.isEmpty()) return;
        try {
            metrics.append(accountId, region, samples, now);
        } catch (AwsException | IllegalStateException e) {
            for (Datapoint p : points) failures.record("metric", p.namespace() + "/" + p.metricName(), e.getMessage());
        }
    }
}
