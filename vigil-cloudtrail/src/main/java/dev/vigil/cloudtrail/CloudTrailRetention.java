package dev.vigil.cloudtrail;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Event history keeps 90 days, as AWS's does; older events are swept. Idempotent. Thread-safe (stateless). */
public final class CloudTrailRetention {
    public static final Duration RETENTION = Duration.ofDays(90);
    private static final Logger LOG = LoggerFactory.getLogger(CloudTrailRetention.class);

    private final EventRepository repository;

    public CloudTrailRetention(EventRepository repository) {
        this.repository = repository;
    }

    /** The oldest event time still kept at {@code now}. */
    public static Instant horizon(Instant now) {
        return now.minus(RETENTION);
    }

    /** Deletes events older than 90 days before {@code now}; returns how many. */
    public int sweep(Instant now) {
        int deleted = repository.deleteOlderThan(horizon(now));
        if (deleted > 0) LOG.info("CloudTrail retention removed {} events older than {}", deleted, horizon(now));
        return deleted;
    }
}
