package dev.vigil.cloudwatch.math;

import java.util.Map;

/**
 * What an expression is evaluated against: the request's range (start already rounded as CloudWatch rounds it),
 * the expression's period (for TIME_SERIES and other non-sparse results), the values of the queries it may
 * name, and the MetricStat queries in request order for METRICS(). Immutable except for the diagnostics it
 * carries, so it is confined to one evaluation.
 *
 * @param start   epoch millis of the first period (inclusive)
 * @param end     epoch millis where the range ends (exclusive)
 * @param period  seconds, the expression's period
 * @param values  id → value of every query evaluated so far (metrics and expressions)
 * @param metrics id → series of the MetricStat queries only, in request order
 */
public record EvalContext(long start, long end, int period, Map<String, Value> values, Map<String, Series> metrics,
                          Diagnostics diagnostics) {

    /** The aligned timestamps of the range at {@code periodSeconds}: the grid of a non-sparse series. */
    long[] grid(int periodSeconds) {
        long step = Math.max(1, periodSeconds) * 1000L;
        if (end <= start) return new long[0];
        int n = (int) Math.min(Integer.MAX_VALUE - 8, (end - start + step - 1) / step);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = start + i * step;
        return out;
    }
}
