package dev.vigil.cloudtrail;

import java.time.Instant;
import java.util.List;

/** The CloudTrail event history store (DESIGN §4: telemetry may later get its own append path behind this). */
public interface EventRepository {

    /** Stores a batch in one transaction. Idempotent by event id, so a batch retried after an unknown outcome does no harm. */
    void insert(List<StoredEvent> events);

    /** Management events matching the query, newest first (event time, then event id, descending). */
    List<StoredEvent> lookup(EventQuery query);

    /** Deletes every event older than the cutoff, in all accounts; returns how many events went. */
    int deleteOlderThan(Instant cutoff);
}
