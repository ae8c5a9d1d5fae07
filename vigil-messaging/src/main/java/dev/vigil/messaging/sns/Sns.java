package dev.vigil.messaging.sns;

import dev.vigil.core.AwsException;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.messaging.MessageAttribute;
import dev.vigil.messaging.ServicePrincipals;
import dev.vigil.messaging.sqs.Queues;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * SNS assembled: store, signer, outbox sender, publisher, provider; and the entry point of service-internal
 * publishes (alarm actions, EventBridge targets). Thread-safe.
 */
public final class Sns implements AutoCloseable {
    private final TopicRepository repo;
    private final HttpDeliverer http;
    private final SnsProvider provider;
    private final ServicePrincipals principals;
    private final Signer signer;

    public Sns(TopicRepository repo, Queues queues, ServicePrincipals principals, Clock clock, DeliveryFailures failures) {
        this.repo = repo;
        this.principals = principals;
        DeadLetters deadLetters = new DeadLetters(repo, queues, principals, failures);
        this.http = new HttpDeliverer(repo, clock, failures, deadLetters);
        this.signer = new Signer(repo, clock);
        Publisher publisher = new Publisher(repo, queues, principals, clock, failures, http, signer, deadLetters);
        this.provider = new SnsProvider(repo, publisher, clock);
    }

    public SnsProvider provider() { return provider; }

    /** The path of the SigningCertURL in every message. */
    public static String certificatePath() { return Signer.CERT_PATH; }

    /** The PEM certificate of the signing key, for the SigningCertURL. */
    public String certificate() { return signer.certificate(); }

    /** The topic policy, for the policy engine. */
    public Optional<String> policy(String topicArn) {
        return repo.topic(topicArn).map(t -> t.attribute("Policy"));
    }

    /** One pass over the due http/https deliveries (the scheduler calls it). */
    public void deliverDue() { http.kick(); }

    /**
     * Publishes as a service principal after the topic's policy allows it.
     *
     * @throws AwsException NotFound, AccessDenied, or the publish's validation errors
     */
    public String publishAs(String principal, String sourceArn, String topicArn, String subject, String message,
                            Map<String, MessageAttribute> attributes, String groupId) {
        Topic t = provider.topic(topicArn);
        principals.authorize(principal, "sns:Publish", topicArn, sourceArn);
        return provider.publish(t, subject, message, null, attributes, groupId, null).messageId();
    }

    /** Before a reset wipes the store: the signing key goes with it. */
    public void forgetCachedState() { signer.forget(); }

    @Override
    public void close() { http.close(); }
}
