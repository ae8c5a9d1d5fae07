package dev.vigil.messaging.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.messaging.Json;
import dev.vigil.messaging.MessageAttribute;
import dev.vigil.messaging.ServicePrincipals;
import dev.vigil.messaging.sqs.Queues;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans a published message out to a topic's confirmed subscriptions: filter policy, the protocol's message
 * (MessageStructure json), the SNS envelope or raw delivery; queues get it at once as {@code sns.amazonaws.com}
 * after their policy allows it, http/https endpoints through the outbox. Also sends subscription
 * confirmations. A delivery that fails is recorded, never thrown at the publisher. Thread-safe.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    public static final String PRINCIPAL = "sns.amazonaws.com";
    /** Hidden topic attribute: the endpoint the topic was created through, for the URLs in its messages. */
    static final String HOST = "@Host";

    /** What a Publish produced. */
    public record Published(String messageId, String sequenceNumber) {}

    private final TopicRepository repo;
    private final Queues queues;
    private final ServicePrincipals principals;
    private final Clock clock;
    private final DeliveryFailures failures;
    private final HttpDeliverer http;
    private final Signer signer;
    private final DeadLetters deadLetters;
    private final AtomicLong sequence = new AtomicLong();

    Publisher(TopicRepository repo, Queues queues, ServicePrincipals principals, Clock clock, DeliveryFailures failures,
              HttpDeliverer http, Signer signer, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.repo = repo;
        this.queues = queues;
        this.principals = principals;
        this.clock = clock;
        this.failures = failures;
        this.http = http;
        this.signer = signer;
    }

    static String baseUrl(Topic t) {
        String host = t.attribute(HOST);
        return "http://" + (host == null ? "localhost:4566" : host);
    }

    Published publish(Topic t, String subject, String message, boolean jsonStructure, Map<String, MessageAttribute> attributes,
                      String groupId, String dedupId) {
        String messageId = Ids.uuid();
        Instant now = clock.instant();
        JsonNode structured = jsonStructure ? Json.tryParse(message) : null;
        boolean queued = false;
        for (Subscription s : repo.subscriptionsOf(t.arn())) {
            if (!s.confirmed()) continue;
            String body = structured == null ? message : structured.path(structured.has(s.protocol()) ? s.protocol() : "default").asText();
            if (!accepts(s, body, attributes)) continue;
            switch (s.protocol()) {
                case "sqs" -> toQueue(t, s, messageId, subject, body, attributes, now, groupId, dedupId);
                case "http", "https" -> {
                    String payload = s.raw() ? body : Envelope.notification(signer, signatureVersion(t), messageId, t.arn(),
                            subject, body, now, baseUrl(t), s.arn(), attributes);
                    repo.addDelivery(new HttpDelivery(Ids.uuid(), s.arn(), t.arn(), s.endpoint(), "Notification", messageId,
                            payload, s.raw(), 0, now, now, null));
                    queued = true;
                }
                default -> {
                    // Lambda, Firehose, SMS and mobile push are services Vigil does not have (DESIGN §5): the
                    // delivery fails as a client-side error would, and goes to the dead-letter queue if any.
                    String envelope = Envelope.notification(signer, signatureVersion(t), messageId, t.arn(), subject,
                            body, now, baseUrl(t), s.arn(), attributes);
                    String reason = "Vigil does not deliver to " + s.protocol() + " endpoints";
                    if (!deadLetters.redrive(s.arn(), t.arn(), messageId, s.raw() ? body : envelope,
                            s.raw() ? attributes : Map.of(), groupId, dedupId, "UnsupportedProtocol", reason)) {
                        failures.record(t.arn(), s.protocol() + ":" + s.endpoint(), reason);
                    }
                }
            }
        }
        if (queued) http.kick();
        return new Published(messageId, t.fifo() ? String.format("%020d", nextSequence(now)) : null);
    }

    private long nextSequence(Instant now) {
        long base = now.toEpochMilli() * 1000;
        return sequence.updateAndGet(prev -> Math.max(prev + 1, base));
    }

    private static boolean accepts(Subscription s, String body, Map<String, MessageAttribute> attributes) {
        String policy = s.attributes().get("FilterPolicy");
        if (policy == null || policy.isEmpty()) return true;
        FilterPolicy f = FilterPolicy.parse(policy, "MessageBody".equals(s.attributes().get("FilterPolicyScope")));
        return f.bodyScope() ? f.matchesBody(body) : f.matchesAttributes(attributes);
    }

    private void toQueue(Topic t, Subscription s, String messageId, String subject, String body,
                         Map<String, MessageAttribute> attributes, Instant now, String groupId, String dedupId) {
        String envelope = s.raw() ? body : Envelope.notification(signer, signatureVersion(t), messageId, t.arn(), subject,
                body, now, baseUrl(t), s.arn(), attributes);
        Map<String, MessageAttribute> attrs = s.raw() ? attributes : Map.of();
        String dedup = s.raw() || dedupId != null ? dedupId : messageId;
        try {
            principals.authorize(PRINCIPAL, "sqs:SendMessage", s.endpoint(), t.arn());
            queues.deliver(s.endpoint(), envelope, attrs, groupId, dedup, PRINCIPAL);
        } catch (AwsException e) {
            // A client-side error (queue gone, policy denies): not retried; the dead-letter queue gets it, if any.
            LOG.debug("delivery of {} to {} failed: {}", messageId, s.endpoint(), e.getMessage());
            if (!deadLetters.redrive(s.arn(), t.arn(), messageId, envelope, attrs, groupId, dedup, e.code(), e.getMessage())) {
                failures.record(t.arn(), s.endpoint(), e.code() + ": " + e.getMessage());
            }
        }
    }

    /** Sends the SubscriptionConfirmation of a pending http/https or other-account sqs subscription. */
    void confirmationRequest(Topic t, Subscription s) {
        Instant now = clock.instant();
        String messageId = Ids.uuid();
        String text = "You have chosen to subscribe to the topic " + t.arn()
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        String doc = Envelope.confirmation(signer, signatureVersion(t), "SubscriptionConfirmation", messageId, s.token(),
                t.arn(), text, now, baseUrl(t));
        if (s.protocol().equals("sqs")) {
            try {
                principals.authorize(PRINCIPAL, "sqs:SendMessage", s.endpoint(), t.arn());
                queues.deliver(s.endpoint(), doc, Map.of(), null, null, PRINCIPAL);
            } catch (AwsException e) {
                failures.record(t.arn(), s.endpoint(), "SubscriptionConfirmation: " + e.code() + ": " + e.getMessage());
            }
            return;
        }
        repo.addDelivery(new HttpDelivery(Ids.uuid(), s.arn(), t.arn(), s.endpoint(), "SubscriptionConfirmation", messageId,
                doc, false, 0, now, now, null));
        http.kick();
    }

    private static String signatureVersion(Topic t) {
        String v = t.attribute("SignatureVersion");
        return v == null ? "1" : v;
    }

    static String topicOfSubscription(String subscriptionArn) {
        Arn a = Arn.parse(subscriptionArn);
        int colon = a.resource().lastIndexOf(':');
        return Arn.of("sns", a.region(), a.accountId(), colon < 0 ? a.resource() : a.resource().substring(0, colon)).toString();
    }
}
