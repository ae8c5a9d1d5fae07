package dev.vigil.messaging;

import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.messaging.sns.Sns;
import dev.vigil.messaging.sqs.Queues;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link MessageSink} other services deliver through: to an SNS topic (Publish) or an SQS queue
 * (SendMessage), as the given service principal, after the target's resource policy allows it for that
 * principal with the source ARN and account as condition keys. Attributes become String message attributes,
 * except the reserved keys {@code Subject} (SNS subject), {@code MessageGroupId} and
 * {@code MessageDeduplicationId} (FIFO targets). Thread-safe.
 */
final class MessagingSink implements MessageSink {
    static final String SUBJECT = "Subject";
    static final String GROUP = "MessageGroupId";
    static final String DEDUP = "MessageDeduplicationId";

    private final Sns sns;
    private final Queues queues;
    private final ServicePrincipals principals;

    MessagingSink(Sns sns, Queues queues, ServicePrincipals principals) {
        this.sns = sns;
        this.queues = queues;
        this.principals = principals;
    }

    /** To a queue: one policy check and one transaction for all the messages; to a topic: one by one. */
    @Override
    public List<RuntimeException> deliverAll(String servicePrincipal, String sourceArn, String targetArn,
                                             List<String> messages) {
        if (!Arn.isArn(targetArn) || !Arn.parse(targetArn).service().equals("sqs")) {
            return MessageSink.super.deliverAll(servicePrincipal, sourceArn, targetArn, messages);
        }
        try {
            principals.authorize(servicePrincipal, "sqs:SendMessage", targetArn, sourceArn);
        } catch (RuntimeException denied) {
            return java.util.Collections.nCopies(messages.size(), denied);
        }
        return queues.deliverAll(targetArn, messages, servicePrincipal);
    }

    @Override
    public void deliver(String servicePrincipal, String sourceArn, String targetArn, String message,
                        Map<String, String> attributes) {
        if (!Arn.isArn(targetArn)) throw AwsException.badRequest("InvalidParameterValue", "Not an ARN: " + targetArn);
        Map<String, String> given = attributes == null ? Map.of() : attributes;
        Map<String, MessageAttribute> attrs = new TreeMap<>();
        given.forEach((k, v) -> {
            if (!k.equals(SUBJECT) && !k.equals(GROUP) && !k.equals(DEDUP)) attrs.put(k, MessageAttribute.string(v));
        });
        switch (Arn.parse(targetArn).service()) {
            case "sns" -> sns.publishAs(servicePrincipal, sourceArn, targetArn, given.get(SUBJECT), message, attrs,
                    given.get(GROUP));
            case "sqs" -> {
                principals.authorize(servicePrincipal, "sqs:SendMessage", targetArn, sourceArn);
                queues.deliver(targetArn, message, attrs, given.get(GROUP), given.get(DEDUP), servicePrincipal);
            }
            default -> throw AwsException.badRequest("InvalidParameterValue",
                    "The message sink delivers to SNS topics and SQS queues, not " + targetArn);
        }
    }
}
