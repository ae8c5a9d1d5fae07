package dev.vigil.events;

import java.time.Instant;

/** One pending delivery of one event to one target (DESIGN §5 outbox). id is 0 before it is stored. Immutable. */
public record OutboxEntry(long id, String accountId, String region, String ruleArn, String targetArn, String body,
                          Instant eventTime, int attempts, int maxRetries, int maxAgeSeconds, String deadLetterArn,
                          Instant dueAt) {}
