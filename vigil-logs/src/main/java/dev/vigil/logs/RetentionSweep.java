package dev.vigil.logs;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces retention policies as a background job: every group with one loses its events older than its
 * retention (by event timestamp), one group per transaction, so the job is idempotent and restartable.
 * Thread-safe (stateless); the scheduler's lease runs it on one node at a time.
 */
public final class RetentionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final GroupStore groups;
    private final EventStore events;

    public RetentionSweep(GroupStore groups, EventStore events) {
        this.groups = groups;
        this.events = events;
    }

    /** Deletes every expired event at {@code now}; returns how many. */
    public long run(Instant now) {
        long deleted = 0;
        for (LogGroup g : groups.withRetention()) {
            deleted += events.expire(g.id(), now.toEpochMilli() - g.retentionDays() * LogIngest.DAY_MS);
        }
        if (deleted > 0) LOG.info("Logs retention removed {} expired events", deleted);
        return deleted;
    }
}
