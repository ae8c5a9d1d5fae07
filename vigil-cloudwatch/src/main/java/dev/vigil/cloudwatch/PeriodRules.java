package dev.vigil.cloudwatch;

import java.time.Duration;
import java.time.Instant;

/**
 * Periods and retention tiers as the API reference states them (MetricStat.Period, GetMetricStatistics):
 * a period is 1, 5, 10, 20, 30 or a multiple of 60 seconds; data is kept at 1 s for 3 hours, 1 minute for
 * 15 days, 5 minutes for 63 days and 1 hour for 455 days, so a query whose StartTime is older than a tier must
 * use a multiple of that tier's resolution or gets no data points; and StartTime is rounded down to the whole
 * minute, 5 minutes or hour by the same ages. Stateless.
 */
public final class PeriodRules {
    public static final Duration HIGH_RESOLUTION_KEPT = Duration.ofHours(3);
    public static final Duration MINUTE_KEPT = Duration.ofDays(15);
    public static final Duration FIVE_MINUTES_KEPT = Duration.ofDays(63);
    public static final Duration HOUR_KEPT = Duration.ofDays(455);

    private PeriodRules() {}

    public static boolean isValidPeriod(int seconds) {
        return seconds == 1 || seconds == 5 || seconds == 10 || seconds == 20 || seconds == 30
                || (seconds > 0 && seconds % 60 == 0);
    }

    /** The resolution (seconds) data starting at {@code start} is served at, seen at {@code now}. */
    public static int resolutionAt(Instant start, Instant now) {
        Duration age = Duration.between(start, now);
        if (age.compareTo(HIGH_RESOLUTION_KEPT) <= 0) return 1;
        if (age.compareTo(MINUTE_KEPT) <= 0) return 60;
        if (age.compareTo(FIVE_MINUTES_KEPT) <= 0) return 300;
        return 3600;
    }

    /** Whether a query with this period and start can return data (its period fits the tier's resolution). */
    public static boolean servesData(int periodSeconds, Instant start, Instant now) {
        return periodSeconds % resolutionAt(start, now) == 0;
    }

    /** StartTime rounded down: to the minute when under 15 days old, to 5 minutes under 63 days, else the hour. */
    public static long roundStart(Instant start, Instant now) {
        long unit = Math.max(60, resolutionAt(start, now)) * 1000L;
        return Math.floorDiv(start.toEpochMilli(), unit) * unit;
    }

    /** How many datapoints a request may produce, counted as AWS words its 1,440 limit: whole periods. */
    public static long requestedDatapoints(Instant start, Instant end, int periodSeconds) {
        return Duration.between(start, end).toMillis() / (periodSeconds * 1000L);
    }
}
