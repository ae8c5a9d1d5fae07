package dev.vigil.messaging.sns;

import java.time.Instant;

/**
 * One http/https POST waiting in the outbox: a notification or a subscription confirmation. Immutable.
 *
 * @param attempts POSTs made so far
 */
public record HttpDelivery(String deliveryId, String subscriptionArn, String topicArn, String endpoint,
                           String messageType, String messageId, String body, boolean raw, int attempts,
                           Instant nextAttemptAt, Instant createdAt, String lastError) {}
