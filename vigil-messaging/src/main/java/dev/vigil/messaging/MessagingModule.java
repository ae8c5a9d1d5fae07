package dev.vigil.messaging;

import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.ServiceEnvironment;
import dev.vigil.core.service.ServiceModule;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.core.spi.PublicDocuments;
import dev.vigil.messaging.sns.JdbcTopicRepository;
import dev.vigil.messaging.sns.Sns;
import dev.vigil.messaging.sns.SnsDescriptor;
import dev.vigil.messaging.sqs.JdbcQueueRepository;
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
    static final Duration HTTP_RETRY_SWEEP = Duration.ofSeconds(1);

    private Queues queues;
    private Sns sns;

    @Override
    public void register(ServiceEnvironment env) {
        queues = new Queues(new JdbcQueueRepository(env.database()), env.clock());
        ServicePrincipals principals = new ServicePrincipals(env.interconnect(), env.clock());
        sns = new Sns(new JdbcTopicRepository(env.database()), queues, principals, env.clock(),
                env.interconnect().failures());
        env.interconnect().registerResourcePolicies("sqs",
                arn -> queues.byArn(arn).flatMap(q -> Optional.ofNullable(q.attribute("Policy"))));
        env.interconnect().registerResourcePolicies("sns", sns::policy);
        env.interconnect().documents().register(Sns.certificatePath(), () -> new PublicDocuments.Document(
                "application/x-pem-file", sns.certificate().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        // Deliveries before start() migrated the store fail and are recorded by the caller.
        env.interconnect().register(MessageSink.class, new MessagingSink(sns, queues, principals));
    }

    @Override
    public List<ServiceDescriptor> start(ServiceEnvironment env) {
        if (queues == null) register(env);
        env.database().migrate("messaging");
        env.scheduler().every("sqs-retention", RETENTION_SWEEP, queues::expire);
        env.scheduler().every("sns-http-delivery", HTTP_RETRY_SWEEP, sns::deliverDue);
        return List.of(SqsDescriptor.descriptor(new SqsProvider(queues)), SnsDescriptor.descriptor(sns.provider()));
    }

    @Override
    public void flush() {
        if (sns != null) sns.forgetCachedState();
    }

    @Override
    public void quiesce() {
        if (queues != null) queues.close();
    }

    @Override
    public void stop() {
        if (queues != null) queues.close();
        if (sns != null) sns.close();
    }
}
