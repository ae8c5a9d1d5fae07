package dev.vigil.logs;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.LogSink;
import java.time.Duration;
import java.util.List;

/**
 * Plugs CloudWatch Logs into the server: migrates its store, registers its resource policies with the policy
 * engine and the {@link LogSink} other services write through, schedules the retention sweep and serves the operations. Used by one server thread at a time (not thread-safe).
 */
public final class LogsModule implements ServiceModule {
    static final Duration RETENTION_PERIOD = Duration.ofMinutes(5);
    static final int QUERY_WORKERS = 2;

    private LogsProvider provider;

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        env.database().migrate("logs");
        JdbcGroupStore groups = new JdbcGroupStore(env.database());
        JdbcEventStore events = new JdbcEventStore(env.database());
        provider = new LogsProvider(groups, events, new JdbcConfigStore(env.database()),
                new JdbcQueryStore(env.database()), env.interconnect(), env.clock(),
                QUERY_WORKERS);
        env.interconnect().registerResourcePolicies("logs", provider.resourcePolicies());
        env.interconnect().register(LogSink.class, new LogsSink(provider, env.interconnect(), env.clock()));
        RetentionSweep sweep = new RetentionSweep(groups, events);
        env.scheduler().every("logs-retention", RETENTION_PERIOD, () -> sweep.run(env.clock().instant()));
        return List.of(LogsDescriptor.descriptor(provider));
    }

    @Override
    public void flush() {
        if (provider != null) provider.clearCaches();
    }

    @Override
    public void stop() {
        if (provider != null) provider.close();
    }
}
