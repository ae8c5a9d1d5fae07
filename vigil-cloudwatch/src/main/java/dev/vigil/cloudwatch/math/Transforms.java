package dev.vigil.cloudwatch.math;

import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Functions that turn each series (alone or in an array) into another: the point-wise ABS, CEIL, FLOOR, LOG,
 * LOG10, and the ones that look at the preceding datapoint: DIFF, DIFF_TIME, RATE, and RUNNING_SUM. The first
 * datapoint has no predecessor, so DIFF, DIFF_TIME and RATE have no value there. Stateless.
 */
final class Transforms {
    private Transforms() {}

    static MathFunction pointwise(String fn, DoubleUnaryOperator f) {
        return (args, ctx) -> {
            Args.count(fn, args, 1, 1);
            return SeriesMath.eachSeries(fn, args.get(0), s -> SeriesMath.map(s, f, ctx.diagnostics()));
        };
    }

    /** DIFF: "the difference between each value in the time series and the preceding value". */
    static Series diff(Series s, Diagnostics d) {
        return withPrevious(s, d, (dv, dtSeconds) -> dv);
    }

    /** DIFF_TIME: "the difference in seconds between the timestamp of each value ... and ... the preceding value". */
    static Series diffTime(Series s, Diagnostics d) {
        return withPrevious(s, d, (dv, dtSeconds) -> dtSeconds);
    }

    /**
     * RATE: "the difference between the latest data point value and the previous data point value, divided by
     * the time difference in seconds between the two values".
     */
    static Series rate(Series s, Diagnostics d) {
        return withPrevious(s, d, (dv, dtSeconds) -> dv / dtSeconds);
    }

    static Series runningSum(Series s) {
        double[] out = new double[s.size()];
        double sum = 0;
        for (int i = 0; i < s.size(); i++) out[i] = sum += s.values()[i];
        return new Series(s.label(), s.period(), s.timestamps(), out);
    }

    static MathFunction perSeries(String fn, java.util.function.BiFunction<Series, Diagnostics, Series> f) {
        return (args, ctx) -> {
            Args.count(fn, args, 1, 1);
            return SeriesMath.eachSeries(fn, args.get(0), s -> f.apply(s, ctx.diagnostics()));
        };
    }

    private interface Step {
        double apply(double valueDelta, double secondsDelta);
    }

    private static Series withPrevious(Series s, Diagnostics d, Step step) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = 1; i < s.size(); i++) {
            double dt = (s.timestamps()[i] - s.timestamps()[i - 1]) / 1000.0;
            SeriesMath.put(out, s.timestamps()[i], step.apply(s.values()[i] - s.values()[i - 1], dt), d);
        }
        return Series.of(s.label(), s.period(), out);
    }
}
