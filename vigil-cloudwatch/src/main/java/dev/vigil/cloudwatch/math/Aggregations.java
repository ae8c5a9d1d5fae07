package dev.vigil.cloudwatch.math;

import java.util.List;
import java.util.TreeMap;

/**
 * AVG, MAX, MIN, SUM, STDDEV and DATAPOINT_COUNT, each with the docs' two meanings: of a single time series a
 * scalar over all its datapoints; of an array a time series, one value per timestamp across the array. For AVG
 * of an array "Missing values are treated as 0" (the docs' AVG row), so it divides by the array's size; the
 * others use the values present. STDDEV is the population standard deviation. Stateless.
 */
final class Aggregations {
    enum Kind { AVG, MAX, MIN, SUM, STDDEV, DATAPOINT_COUNT }

    private Aggregations() {}

    static MathFunction of(Kind kind) {
        return (args, ctx) -> {
            Args.count(kind.name(), args, 1, 1);
            Value v = args.get(0);
            if (v instanceof Value.Single s) return new Value.Scalar(of(kind, s.series()));
            if (v instanceof Value.Array a) return new Value.Single(across(kind, a.series(), ctx.diagnostics()));
            throw Args.wrongType(kind.name(), 0, "a time series or an array of time series", v);
        };
    }

    /** The statistic of one series' values, as SORT also uses it. */
    static double of(Kind kind, Series s) {
        return reduce(kind, s.values(), s.size());
    }

    private static Series across(Kind kind, List<Series> array, Diagnostics d) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (long t : SeriesMath.union(array)) {
            double[] present = new double[array.size()];
            int n = 0;
            for (Series s : array) {
                int i = s.indexOf(t);
                if (i >= 0) present[n++] = s.values()[i];
            }
            int divisor = kind == Kind.AVG ? array.size() : n;
            SeriesMath.put(out, t, reduce(kind, java.util.Arrays.copyOf(present, n), divisor), d);
        }
        int period = array.stream().mapToInt(Series::period).min().orElse(60);
        return Series.of(null, period, out);
    }

    /** {@code divisor} is the count AVG divides by (the array size when missing values count as 0). */
    private static double reduce(Kind kind, double[] values, int divisor) {
        int n = values.length;
        if (kind == Kind.DATAPOINT_COUNT) return n;
        double sum = 0;
        for (double v : values) sum += v;
        if (kind == Kind.SUM) return sum;
        if (n == 0) return Double.NaN;
        switch (kind) {
            case AVG:
                return sum / divisor;
            case MAX: {
                double m = Double.NEGATIVE_INFINITY;
                for (double v : values) m = Math.max(m, v);
                return m;
            }
            case MIN: {
                double m = Double.POSITIVE_INFINITY;
                for (double v : values) m = Math.min(m, v);
                return m;
            }
            default: {
                double mean = sum / n;
                double sq = 0;
                for (double v : values) sq += (v - mean) * (v - mean);
                return Math.sqrt(sq / n);
            }
        }
    }
}
