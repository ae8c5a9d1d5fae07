package dev.vigil.core.spi;

import java.time.Instant;
import java.util.Map;

/** Where service-internal metrics go (metric filters, AWS/* namespaces): owned by CloudWatch. */
public interface MetricSink {
    void put(String accountId, String region, String namespace, String metricName,
             Map<String, String> dimensions, Instant timestamp, double value, String unit);
}
