package dev.vigil.cloudwatch.math;

import java.util.List;
import java.util.TreeMap;

/**
 * IF and FILL, which decide what goes where a series has no value. Stateless.
 */
final class Conditionals {
    private Conditionals() {}

    /**
     * IF(condition, trueValue[, falseValue]) per "Using IF expressions": a condition datapoint is TRUE when
     * non-zero; a TRUE point takes the true series' value there, or 0 when that series has none; a FALSE point
     * takes the false series' value, and is dropped when it has none or the false value is omitted; a scalar
     * condition picks a whole argument (an empty series when FALSE without a false value).
     */
    static Value ifFunction(List<Value> args, EvalContext ctx) {
        Args.count("IF", args, 2, 3);
        Value cond = args.get(0);
        Value yes = operand(args, 1);
        Value no = args.size() == 3 ? operand(args, 2) : null;
        if (cond instanceof Value.Scalar c) {
            if (c.value() != 0) return yes;
            return no != null ? no : new Value.Single(new Series(null, ctx.period(), new long[0], new double[0]));
        }
        Series condition = Args.series("IF", args, 0);
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < condition.size(); i++) {
            long t = condition.timestamps()[i];
            boolean truth = condition.values()[i] != 0;
            Value pick = truth ? yes : no;
            if (pick instanceof Value.Scalar s) {
                SeriesMath.put(out, t, s.value(), ctx.diagnostics());
            } else if (pick instanceof Value.Single s) {
                int j = s.series().indexOf(t);
                if (j >= 0) out.put(t, s.series().values()[j]);
                else if (truth) out.put(t, 0.0);
            }
        }
        return new Value.Single(Series.of(condition.label(), condition.period(), out));
    }

    private static Value operand(List<Value> args, int i) {
        Value v = args.get(i);
        if (v instanceof Value.Scalar || v instanceof Value.Single) return v;
        throw Args.wrongType("IF", i, "a scalar or a time series", v);
    }

    /**
     * FILL(TS | TS[], S | TS | REPEAT | LINEAR): every period of the range where the series has no value gets one.
     * A scalar fills with itself, a series with its value at that timestamp (when it has one); REPEAT "fills
     * missing values with the most recent actual value before the missing value"; LINEAR interpolates "between
     * the values at the beginning and the end of the gap". Gaps before the first value (REPEAT, LINEAR) and
     * after the last (LINEAR) have nothing to fill from and stay empty.
     */
    static Value fill(List<Value> args, EvalContext ctx) {
        Args.count("FILL", args, 2, 2);
        Value with = args.get(1);
        if (with instanceof Value.Word) Args.word("FILL", args, 1, List.of("REPEAT", "LINEAR"));
        else if (!(with instanceof Value.Scalar) && !(with instanceof Value.Single)) {
            throw Args.wrongType("FILL", 1, "a scalar, a time series, REPEAT or LINEAR", with);
        }
        return SeriesMath.eachSeries("FILL", args.get(0), s -> fill(s, with, ctx));
    }

    private static Series fill(Series s, Value with, EvalContext ctx) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) out.put(s.timestamps()[i], s.values()[i]);
        for (long t : ctx.grid(s.period())) {
            if (out.containsKey(t)) continue;
            Double v = filler(s, t, with);
            if (v != null) SeriesMath.put(out, t, v, ctx.diagnostics());
        }
        return Series.of(s.label(), s.period(), out);
    }

    private static Double filler(Series s, long t, Value with) {
        if (with instanceof Value.Scalar c) return c.value();
        if (with instanceof Value.Single f) {
            int j = f.series().indexOf(t);
            return j >= 0 ? f.series().values()[j] : null;
        }
        int next = -s.indexOf(t) - 1;
        if (next == 0) return null;
        int prev = next - 1;
        if (((Value.Word) with).word().equals("REPEAT")) return s.values()[prev];
        if (next >= s.size()) return null;
        long t0 = s.timestamps()[prev];
        long t1 = s.timestamps()[next];
        double v0 = s.values()[prev];
        return v0 + (s.values()[next] - v0) * (t - t0) / (double) (t1 - t0);
    }
}
