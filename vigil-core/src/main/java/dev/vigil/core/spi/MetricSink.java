package dev.vigil.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where service-internal metrics go (metric filters, AWS/* namespaces): owned by CloudWatch. */
public interface MetricSink {
    /** One datapoint, as a metric filter or an AWS/* metric produces it. */
    record Datapoint(String namespace, String metricName, Map<String, String> dimensions, Instant timestamp,
                     double value, String unit) {}

    void put(String accountId, String region, String namespace, String metricName,
             Map<String, String> dimensions, Instant timestamp, double value, String unit);

    /**
     * Many datapoints of one account and region at once (a PutLogEvents batch through its metric filters): an
     * implementation stores them together, in one write rather than one per datapoint. A datapoint that is invalid
     * is a delivery failure of its own and does not keep the others out.
     */
    default void putAll(String accountId, String region, List<Datapoint> points) {
        for (Datapoint p : points) {
            put(accountId, region, p.namespace(), p.metricName(), p.dimensions(), p.timestamp(), p.value(), p.unit());
        }
    }
}
