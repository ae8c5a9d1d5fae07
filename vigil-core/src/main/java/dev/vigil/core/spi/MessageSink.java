package dev.vigil.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Delivery of a message to an SNS topic or SQS queue by ARN, as a service principal
 * (alarm actions, EventBridge targets): owned by the messaging service.
 */
public interface MessageSink {
    /** @throws dev.vigil.core.AwsException when the target refuses (missing, policy denies). */
    void deliver(String servicePrincipal, String sourceArn, String targetArn, String message,
                 Map<String, String> attributes);

    /**
     * Delivers several messages without attributes from one source to one target, as {@link #deliver} would one by
     * one; an implementation may check the policy once and store them together. Answers, per message in order, null
     * when it was delivered or why it was not (each message succeeds or fails on its own).
     */
    default List<RuntimeException> deliverAll(String servicePrincipal, String sourceArn, String targetArn,
                                              List<String> messages) {
        List<RuntimeException> outcomes = new ArrayList<>(messages.size());
        for (String m : messages) {
            try {
                deliver(servicePrincipal, sourceArn, targetArn, m, Map.of());
                outcomes.add(null);
            } catch (RuntimeException refused) {
                outcomes.add(refused);
            }
        }
        return outcomes;
    }
}
