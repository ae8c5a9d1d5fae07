package dev.vigil.cloudwatch;

import java.util.OptionalDouble;

/**
 * A statistic CloudWatch computes over the samples of one period, parsed from its AWS spelling: the five basic
 * statistics, percentiles {@code p0}..{@code p100} (with decimals), and the trimmed family
 * {@code tm/wm/tc/ts} ({@code tm90} = {@code TM(:90%)}), {@code TM(10%:90%)}, {@code TM(150:1000)}, {@code PR(a:b)}
 * and {@code IQM} (= {@code TM(25%:75%)}), as the CloudWatch "Statistics definitions" page defines them.
 *
 * <p>Percentiles use the nearest-rank definition: pN is the smallest published value such that at least N% of
 * the samples (by count) are at or below it; p0 is the minimum. Range bounds exclude the lower bound and
 * include the upper one ("PR(:300) ... 300 or less"; "TM(150:1000) removes data points ≤ 150 or > 1000");
 * percentage bounds become value bounds through the percentile of that rank, and a 0% lower bound trims nothing.
 * Like AWS, statistics that need percentiles are unavailable when any value is negative, and all but the basic
 * five need the raw values (unavailable for data published only as statistic sets). Immutable.
 */
public sealed interface Statistic {

    /** The name as the caller spelled it (the key of Datapoint.ExtendedStatistics). */
    String name();

    /** The value over one bucket, or empty when it cannot be computed from what was stored. */
    OptionalDouble evaluate(Summary s);

    enum Basic implements Statistic {
        SampleCount, Average, Sum, Minimum, Maximum;

        @Override
        public OptionalDouble evaluate(Summary s) {
            if (s.sampleCount() <= 0) return OptionalDouble.empty();
            return OptionalDouble.of(switch (this) {
                case SampleCount -> s.sampleCount();
                case Average -> s.sum() / s.sampleCount();
                case Sum -> s.sum();
                case Minimum -> s.min();
                case Maximum -> s.max();
            });
        }
    }

    record Percentile(String name, double percent) implements Statistic {
        @Override
        public OptionalDouble evaluate(Summary s) {
            Distribution d = s.values();
            if (d == null || d.isEmpty() || s.min() < 0) return OptionalDouble.empty();
            return OptionalDouble.of(rankValue(d, percent));
        }
    }

    /** A bound of a trimmed range: a value, or a percentage of the samples. */
    record Bound(double number, boolean percent) {}

    enum TrimmedKind { TM, WM, TC, TS, PR }

    record Trimmed(String name, TrimmedKind kind, Bound lower, Bound upper) implements Statistic {
        @Override
        public OptionalDouble evaluate(Summary s) {
            Distribution d = s.values();
            if (d == null || d.isEmpty()) return OptionalDouble.empty();
            boolean byRank = (lower != null && lower.percent()) || (upper != null && upper.percent());
            if (byRank && s.min() < 0) return OptionalDouble.empty();
            double lo = lower == null || (lower.percent() && lower.number() == 0) ? Double.NEGATIVE_INFINITY
                    : lower.percent() ? rankValue(d, lower.number()) : lower.number();
            double hi = upper == null ? Double.POSITIVE_INFINITY
                    : upper.percent() ? rankValue(d, upper.number()) : upper.number();
            double keptCount = 0;
            double keptSum = 0;
            double keptMin = Double.POSITIVE_INFINITY;
            double keptMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.size(); i++) {
                double v = d.value(i);
                if (v > lo && v <= hi) {
                    keptCount += d.count(i);
                    keptSum += v * d.count(i);
                    keptMin = Math.min(keptMin, v);
                    keptMax = Math.max(keptMax, v);
                }
            }
            return switch (kind) {
                case TC -> OptionalDouble.of(keptCount);
                case TS -> OptionalDouble.of(keptSum);
                case PR -> OptionalDouble.of(100.0 * keptCount / d.total());
                case TM -> keptCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(keptSum / keptCount);
                case WM -> winsorized(d, lo, hi, keptCount == 0 ? lo : keptMin, keptCount == 0 ? hi : keptMax);
            };
        }

        /**
         * Values outside the range count as the edge of the range: for percentage bounds the nearest kept value
         * (classic winsorizing), for value bounds the bound itself.
         */
        private OptionalDouble winsorized(Distribution d, double lo, double hi, double keptMin, double keptMax) {
            double low = lower != null && !lower.percent() ? lower.number() : keptMin;
            double high = upper != null && !upper.percent() ? upper.number() : keptMax;
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                double v = d.value(i);
                double w = v <= lo ? low : v > hi ? high : v;
                sum += w * d.count(i);
            }
            return OptionalDouble.of(sum / d.total());
        }
    }

    /** Nearest rank: the smallest value whose cumulative count reaches {@code percent}% of all samples. */
    static double rankValue(Distribution d, double percent) {
        if (percent <= 0) return d.value(0);
        double target = percent / 100.0 * d.total();
        double tolerance = d.total() * 1e-12; // counts are doubles; 0.1 * 10 must reach rank 1
        double cumulative = 0;
        for (int i = 0; i < d.size(); i++) {
            cumulative += d.count(i);
            if (cumulative >= target - tolerance) return d.value(i);
        }
        return d.value(d.size() - 1);
    }

    /** A basic statistic by its exact name, or null. */
    static Basic basic(String name) {
        for (Basic b : Basic.values()) if (b.name().equals(name)) return b;
        return null;
    }

    /** Any statistic by its AWS spelling (basic, percentile, trimmed family), or null when not valid. */
    static Statistic parse(String text) {
        Basic b = basic(text);
        return b != null ? b : StatisticParser.extended(text);
    }

    /** An extended statistic (everything but the basic five), or null when not valid. */
    static Statistic parseExtended(String text) {
        return StatisticParser.extended(text);
    }
}
