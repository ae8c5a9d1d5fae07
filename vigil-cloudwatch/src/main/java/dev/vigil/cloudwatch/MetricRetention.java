package dev.vigil.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention tiers as a background job: high-resolution points older than 3 hours become 1-minute points,
 * points older than 15 days 5-minute ones, older than 63 days 1-hour ones, and points older than 455 days go.
 * Each series is rolled up in its own transaction, so the job is restartable and idempotent (a rerun finds
 * nothing left to roll). Cutoffs are aligned on the target resolution so only whole buckets are rolled.
 *
 * <p>No write can race a roll-up: PutMetricData refuses timestamps over two weeks old (the 5-minute tier
 * starts at 15 days), and high-resolution points closer than 5 minutes to the 3-hour horizon are stored at
 * 1 minute already. Thread-safe (stateless); the scheduler's lease runs it on one node at a time.
 */
public final class MetricRetention {
    private static final Logger LOG = LoggerFactory.getLogger(MetricRetention.class);
    static final int SERIES_PER_BATCH = 500;

    private record Tier(int resolution, Duration after) {}

    private static final Tier[] TIERS = {
        new Tier(60, PeriodRules.HIGH_RESOLUTION_KEPT),
        new Tier(300, PeriodRules.MINUTE_KEPT),
        new Tier(3600, PeriodRules.FIVE_MINUTES_KEPT),
    };

    private final MetricRollupStore store;

    public MetricRetention(MetricRollupStore store) {
        this.store = store;
    }

    /** Runs every tier to completion at {@code now}; returns how many series were rolled up. */
    public int run(Instant now) {
        int rolled = 0;
        for (Tier t : TIERS) {
            long step = t.resolution() * 1000L;
            long cutoff = Math.floorDiv(now.minus(t.after()).toEpochMilli(), step) * step;
            int n;
            do {
                n = store.rollUp(t.resolution(), cutoff, SERIES_PER_BATCH);
                rolled += n;
            } while (n == SERIES_PER_BATCH);
        }
        int deleted = store.deleteOlderThan(now.minus(PeriodRules.HOUR_KEPT).toEpochMilli());
        if (rolled > 0 || deleted > 0) {
            LOG.info("CloudWatch retention rolled up {} series and removed {} points older than 455 days", rolled, deleted);
        }
        return rolled;
    }
}
