package dev.vigil.cloudwatch.math;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.ToDoubleFunction;

/**
 * Functions of the timestamps rather than the values: MINUTE, HOUR, DAY (1 = Monday ... 7 = Sunday, so
 * {@code DAY(m1)<6} keeps weekdays as the docs' example says), DATE, MONTH, YEAR, EPOCH each "take the period
 * and range of the time series and return a new non-sparse time series where each value is based on its
 * timestamp" (UTC); TIME_SERIES(S) is a non-sparse series of one value at the expression's period; PERIOD(TS)
 * is the series' period in seconds. Stateless.
 */
final class TimeFunctions {
    private TimeFunctions() {}

    static MathFunction calendar(String fn, ToDoubleFunction<ZonedDateTime> f) {
        return (args, ctx) -> {
            Args.count(fn, args, 1, 1);
            Series s = Args.series(fn, args, 0);
            long[] grid = ctx.grid(s.period());
            double[] values = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                values[i] = f.applyAsDouble(Instant.ofEpochMilli(grid[i]).atZone(ZoneOffset.UTC));
            }
            return new Value.Single(new Series(s.label(), s.period(), grid, values));
        };
    }

    static double epoch(ZonedDateTime t) {
        return t.toEpochSecond();
    }

    static Value timeSeries(java.util.List<Value> args, EvalContext ctx) {
        Args.count("TIME_SERIES", args, 1, 1);
        double v = Args.scalar("TIME_SERIES", args, 0);
        long[] grid = ctx.grid(ctx.period());
        double[] values = new double[grid.length];
        java.util.Arrays.fill(values, v);
        if (!Double.isFinite(v)) {
            if (grid.length > 0) ctx.diagnostics().dropped();
            return new Value.Single(new Series(null, ctx.period(), new long[0], new double[0]));
        }
        return new Value.Single(new Series(null, ctx.period(), grid, values));
    }

    static Value period(java.util.List<Value> args, EvalContext ctx) {
        Args.count("PERIOD", args, 1, 1);
        return new Value.Scalar(Args.series("PERIOD", args, 0).period());
    }
}
