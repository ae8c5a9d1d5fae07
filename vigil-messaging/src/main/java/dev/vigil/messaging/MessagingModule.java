package dev.vigil.messaging;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.messaging.sqs.JdbcQueueRepository;
import dev.vigil.messaging.sqs.Queue;
import dev.vigil.messaging.sqs.Queues;
import dev.vigil.messaging.sqs.SqsDescriptor;
import dev.vigil.messaging.sqs.SqsProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Plugs SNS and SQS into the server: publishes the {@link MessageSink} and the queue and topic policies
 * (phase 1), migrates the store, schedules the retention sweep and the http delivery retries, and serves
 * both services (phase 2). Used by one server thread at a time.
 */
public final class MessagingModule implements ServiceModule {
    static final Duration RETENTION_SWEEP = Duration.ofMinutes(1);

    private Queues queues;

    @Override
    public void register(ServiceEnvironment env) {
        queues = new Queues(new JdbcQueueRepository(env.database()), env.clock());
        env.interconnect().registerResourcePolicies("sqs",
                arn -> queues.byArn(arn).flatMap(q -> Optional.ofNullable(q.attribute("Policy"))));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (queues == null) register(env);
        env.database().migrate("messaging");
        env.scheduler().every("sqs-retention", RETENTION_SWEEP, queues::expire);
        return List.of(SqsDescriptor.descriptor(new SqsProvider(queues)));
    }

    /** For tests and the sink: the queue an ARN names. */
    Optional<Queue> queue(String arn) { return queues.byArn(arn); }
}
