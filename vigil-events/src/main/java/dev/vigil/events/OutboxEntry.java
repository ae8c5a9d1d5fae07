package dev.vigil.events;

import java.time.Instant;

/**
 * One pending delivery of one event to one target (DESIGN §5 outbox). id is 0 before it is stored.
 * {@code targetParams} is JSON the target kind needs beyond the body: an API destination target's HttpParameters, a
 * log-group target's event id and time; else null. Immutable.
 */
public record OutboxEntry(long id, String accountId, String region, String ruleArn, String targetArn, String body,
                          Instant eventTime, int attempts, int maxRetries, int maxAgeSeconds, String deadLetterArn,
                          Instant dueAt, String targetParams) {

    public OutboxEntry(long id, String accountId, String region, String ruleArn, String targetArn, String body,
                       Instant eventTime, int attempts, int maxRetries, int maxAgeSeconds, String deadLetterArn,
                       Instant dueAt) {
        this(id, accountId, region, ruleArn, targetArn, body, eventTime, attempts, maxRetries, maxAgeSeconds,
                deadLetterArn, dueAt, null);
    }
}
