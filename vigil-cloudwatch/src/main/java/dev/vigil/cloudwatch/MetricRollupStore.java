package dev.vigil.cloudwatch;

/** What the retention job needs from the metric store (kept apart from the request path's interface). */
public interface MetricRollupStore {

    /**
     * Replaces the points finer than {@code targetResolution} seconds and older than {@code cutoffMillis} by one
     * point per {@code targetResolution} bucket and unit, for at most {@code maxSeries} series, each series in
     * one transaction (so a crash leaves it either rolled up or untouched, and a rerun finds nothing left to do).
     * Returns how many series were rolled up.
     */
    int rollUp(int targetResolution, long cutoffMillis, int maxSeries);

    /** Deletes points older than the cutoff, and metrics last seen before it that have no points left. */
    int deleteOlderThan(long cutoffMillis);
}
