package dev.vigil.cloudtrail;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.AuditSink;
import java.time.Duration;
import java.util.List;

/**
 * Plugs CloudTrail into the server: publishes the recorder as the {@link AuditSink} (phase 1), migrates the
 * store and starts writing, sweeping and serving (phase 2), drains on stop. Used by one server thread at a time.
 */
public final class CloudTrailModule implements ServiceModule {
    static final Duration SWEEP_PERIOD = Duration.ofHours(1);

    private EventHistoryWriter recorder;
    private JdbcEventRepository repository;

    @Override
    public void register(ServiceEnvironment env) {
        repository = new JdbcEventRepository(env.database());
        // Created now so calls audited during start-up are kept; it writes only after start() migrated the store.
        recorder = new EventHistoryWriter(repository, new CloudTrailEventFormat());
        recorder.afterStore(new ApiCallEvents(env.interconnect()));
        env.interconnect().register(AuditSink.class, recorder);
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (recorder == null) register(env);
        env.database().migrate("cloudtrail");
        recorder.start();
        CloudTrailRetention retention = new CloudTrailRetention(repository);
        env.scheduler().every("cloudtrail-retention", SWEEP_PERIOD, () -> retention.sweep(env.clock().instant()));
        return List.of(CloudTrailService.descriptor(new CloudTrailProvider(repository, env.clock(), recorder::flush)));
    }

    @Override
    public void stop() {
        if (recorder != null) recorder.close();
    }

    /** The audit sink this module published (for the server's shutdown order and tests). */
    @Override
    public void flush() {
        if (recorder != null) recorder.flush();
    }

    public EventHistoryWriter recorder() {
        return recorder;
    }
}
