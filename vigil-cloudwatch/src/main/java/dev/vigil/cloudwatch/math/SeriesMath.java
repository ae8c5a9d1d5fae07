package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Point-wise arithmetic on series. Two series align by timestamp; where only one has a value the other counts
 * as 0 ("Missing values in a time series are treated as 0", Basic arithmetic functions; the same rule the
 * comparison operators state). A result that is NaN or infinite is dropped ("If the value of a data point
 * causes a function to attempt to divide by zero, the data point is dropped") and noted. Stateless.
 */
final class SeriesMath {
    private SeriesMath() {}

    static Series map(Series s, DoubleUnaryOperator f, Diagnostics d) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) put(out, s.timestamps()[i], f.applyAsDouble(s.values()[i]), d);
        return Series.of(s.label(), s.period(), out);
    }

    static Series combine(Series a, Series b, DoubleBinaryOperator f, Diagnostics d) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (long t : union(List.of(a, b))) put(out, t, f.applyAsDouble(valueOr0(a, t), valueOr0(b, t)), d);
        return Series.of(a.label(), Math.min(a.period(), b.period()), out);
    }

    /** Applies {@code f} to a series or to each series of an array; anything else is a type error. */
    static Value eachSeries(String fn, Value v, UnaryOperator<Series> f) {
        if (v instanceof Value.Single s) return new Value.Single(f.apply(s.series()));
        if (v instanceof Value.Array a) {
            List<Series> out = new ArrayList<>();
            for (Series s : a.series()) out.add(f.apply(s));
            return new Value.Array(out);
        }
        throw new MathException("The function " + fn + " takes a time series or an array of time series, not a "
                + Value.typeName(v) + ".");
    }

    static TreeSet<Long> union(List<Series> all) {
        TreeSet<Long> ts = new TreeSet<>();
        for (Series s : all) for (long t : s.timestamps()) ts.add(t);
        return ts;
    }

    static double valueOr0(Series s, long t) {
        int i = s.indexOf(t);
        return i >= 0 ? s.values()[i] : 0;
    }

    static void put(TreeMap<Long, Double> out, long t, double v, Diagnostics d) {
        if (Double.isFinite(v)) out.put(t, v);
        else d.dropped();
    }
}
