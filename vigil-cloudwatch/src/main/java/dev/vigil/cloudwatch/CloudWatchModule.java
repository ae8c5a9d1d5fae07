package dev.vigil.cloudwatch;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.MetricSink;
import java.time.Duration;
import java.util.List;

/**
 * Plugs CloudWatch into the server: publishes the {@link MetricSink} (phase 1), migrates its store, schedules
 * the retention roll-ups and serves the operations (phase 2). Used by one server thread at a time.
 */
public final class CloudWatchModule implements ServiceModule {
    static final Duration RETENTION_PERIOD = Duration.ofMinutes(5);

    private JdbcMetricRepository metrics;

    @Override
    public void register(ServiceEnvironment env) {
        metrics = new JdbcMetricRepository(env.database());
        // Writes through the sink before start() migrated the store fail and are recorded as delivery failures.
        env.interconnect().register(MetricSink.class,
                new CloudWatchMetricSink(metrics, env.clock(), env.interconnect().failures()));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (metrics == null) register(env);
        env.database().migrate("cloudwatch");
        MetricRetention retention = new MetricRetention(metrics);
        env.scheduler().every("cloudwatch-retention", RETENTION_PERIOD, () -> retention.run(env.clock().instant()));
        CloudWatchProvider provider = new CloudWatchProvider(metrics, new JdbcDashboardRepository(env.database()),
                env.clock());
        return List.of(CloudWatchDescriptor.descriptor(provider));
    }

    /** Called before a reset wipes the store: cached series ids would point at deleted rows. */
    @Override
    public void flush() {
        if (metrics != null) metrics.clearCaches();
    }
}
