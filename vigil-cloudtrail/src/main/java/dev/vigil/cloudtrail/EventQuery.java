package dev.vigil.cloudtrail;

import java.time.Instant;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/**
 * One page request against the event history of an account and region. Immutable.
 *
 * @param key       the single lookup attribute, or null for none
 * @param value     its value (for ReadOnly "true" or "false")
 * @param notBefore oldest event time included (inclusive), or null
 * @param notAfter  newest event time included (inclusive), or null
 * @param after     the last event of the previous page (keyset cursor), or null for the first page
 * @param limit     the most events returned
 */
public record EventQuery(String accountId, String region, LookupAttributeKey key, String value,
                         Instant notBefore, Instant notAfter, Position after, int limit) {

    /** A place in the newest-first order: events are sorted by time, then event id, both descending. */
    public record Position(long eventTimeMillis, String eventId) {}
}
