package dev.vigil.cloudwatch;

import dev.vigil.cloudwatch.alarms.AlarmEvaluator;
import dev.vigil.cloudwatch.alarms.AlarmTransitions;
import dev.vigil.cloudwatch.alarms.AlarmsProvider;
import dev.vigil.cloudwatch.alarms.JdbcAlarmRepository;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.MetricSink;
import java.time.Duration;
import java.util.List;

/**
 * Plugs CloudWatch into the server: publishes the {@link MetricSink} (phase 1), migrates its store, schedules
 * the retention roll-ups and the alarm evaluator, starts the ingest log's background folder and serves the
 * operations (phase 2). Used by one server thread at a time.
 */
public final class CloudWatchModule implements ServiceModule {
    static final Duration RETENTION_PERIOD = Duration.ofMinutes(5);
    static final Duration ALARM_POLL = Duration.ofSeconds(1);

    private JdbcMetricRepository metrics;
    private AlarmEvaluator evaluator;

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
        metrics.startFolding();
        MetricRetention retention = new MetricRetention(metrics);
        env.scheduler().every("cloudwatch-retention", RETENTION_PERIOD, () -> retention.run(env.clock().instant()));
        JdbcAlarmRepository alarms = new JdbcAlarmRepository(env.database());
        CloudWatchProvider provider = new CloudWatchProvider(metrics, new JdbcDashboardRepository(env.database()),
                alarms, env.clock());
        AlarmMetricSource source = new AlarmMetricSource(metrics, env.clock());
        AlarmTransitions transitions = new AlarmTransitions(alarms, env.interconnect(), env.clock());
        evaluator = new AlarmEvaluator(alarms, source, transitions, env.clock());
        // Polled often in real time; which alarms are due is decided by the injectable clock.
        AlarmEvaluator job = evaluator;
        env.scheduler().every("cloudwatch-alarms", ALARM_POLL, job::run);
        env.scheduler().every("cloudwatch-alarm-history", Duration.ofHours(1), job::sweepHistory);
        return List.of(CloudWatchDescriptor.descriptor(provider,
                new AlarmsProvider(alarms, source, transitions, env.clock())));
    }

    /** Called before a reset wipes the store: cached series ids and anomaly models would outlive their rows. */
    @Override
    public void flush() {
        if (metrics != null) metrics.clearCaches();
        if (evaluator != null) evaluator.clearCaches();
    }

    /** Stops the background folder before the store closes; batches still pending are folded after a restart. */
    @Override
    public void stop() {
        if (metrics != null) metrics.close();
    }
}
