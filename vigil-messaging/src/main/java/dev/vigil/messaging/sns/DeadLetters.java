package dev.vigil.messaging.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.messaging.Json;
import dev.vigil.messaging.MessageAttribute;
import dev.vigil.messaging.ServicePrincipals;
import dev.vigil.messaging.sqs.Queues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subscription dead-letter queues: a delivery that failed for good (a client-side error, or a server-side error
 * past the delivery policy's retries) goes to the SQS queue of the subscription's RedrivePolicy
 * ({@code {"deadLetterTargetArn": "arn:aws:sqs:..."}}), sent by sns.amazonaws.com with the topic as source (the
 * queue's policy must allow it, as on AWS), as the message the subscriber would have received, with the
 * RequestID, ErrorCode and ErrorMessage message attributes. A failure to reach the dead-letter queue is itself
 * recorded. Stateless; thread-safe.
 */
final class DeadLetters {
    private final TopicRepository repo;
    private final Queues queues;
    private final ServicePrincipals principals;
    private final DeliveryFailures failures;

    DeadLetters(TopicRepository repo, Queues queues, ServicePrincipals principals, DeliveryFailures failures) {
        this.repo = repo;
        this.queues = queues;
        this.principals = principals;
        this.failures = failures;
    }

    /** The dead-letter queue ARN of a RedrivePolicy, or null when it names none. */
    static String target(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isEmpty()) return null;
        JsonNode n = Json.tryParse(redrivePolicy);
        return n == null || !n.path("deadLetterTargetArn").isTextual() ? null : n.get("deadLetterTargetArn").asText();
    }

    /** Checks a RedrivePolicy as Subscribe and SetSubscriptionAttributes accept it. */
    static void validate(String redrivePolicy, String subscriptionRegion, String subscriptionAccount) {
        if (redrivePolicy.isEmpty()) return;
        String arn = target(redrivePolicy);
        if (arn == null) throw SnsErrors.invalid("RedrivePolicy: deadLetterTargetArn is missing");
        if (!Arn.isArn(arn) || !Arn.parse(arn).service().equals("sqs")) {
            throw SnsErrors.invalid("RedrivePolicy: deadLetterTargetArn is not a valid SQS queue ARN");
        }
        Arn a = Arn.parse(arn);
        if (!a.region().equals(subscriptionRegion) || !a.accountId().equals(subscriptionAccount)) {
            throw SnsErrors.invalid("RedrivePolicy: the dead-letter queue must be in the subscription's account and Region");
        }
    }

    /**
     * Sends a message that could not be delivered to its subscription's dead-letter queue.
     *
     * @param body       the message as the subscriber would have received it (envelope or raw)
     * @param attributes its message attributes (raw deliveries), or empty
     * @return true when the message is in the dead-letter queue
     */
    boolean redrive(String subscriptionArn, String topicArn, String messageId, String body,
                    Map<String, MessageAttribute> attributes, String groupId, String dedupId, String errorCode,
                    String errorMessage) {
        String dlq = repo.subscription(subscriptionArn).map(s -> target(s.attributes().get("RedrivePolicy"))).orElse(null);
        if (dlq == null) return false;
        Map<String, MessageAttribute> attrs = new LinkedHashMap<>(attributes);
        if (attrs.size() <= 7) {
            attrs.put("RequestID", MessageAttribute.string(messageId));
            attrs.put("ErrorCode", MessageAttribute.string(errorCode));
            attrs.put("ErrorMessage", MessageAttribute.string(errorMessage));
        }
        try {
            principals.authorize(Publisher.PRINCIPAL, "sqs:SendMessage", dlq, topicArn);
            queues.deliver(dlq, body, attrs, groupId, dedupId == null && groupId != null ? messageId : dedupId,
                    Publisher.PRINCIPAL);
            return true;
        } catch (AwsException e) {
            failures.record(topicArn, dlq, "dead-letter queue of " + subscriptionArn + ": " + e.code() + ": " + e.getMessage());
            return false;
        }
    }
}
