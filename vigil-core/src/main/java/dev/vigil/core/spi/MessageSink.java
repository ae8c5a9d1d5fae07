package dev.vigil.core.spi;

import java.util.Map;

/**
 * Delivery of a message to an SNS topic or SQS queue by ARN, as a service principal
 * (alarm actions, EventBridge targets): owned by the messaging service.
 */
public interface MessageSink {
    /** @throws dev.vigil.core.AwsException when the target refuses (missing, policy denies). */
    void deliver(String servicePrincipal, String sourceArn, String targetArn, String message,
                 Map<String, String> attributes);
}
