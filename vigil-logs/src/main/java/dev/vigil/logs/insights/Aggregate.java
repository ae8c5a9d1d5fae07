package dev.vigil.logs.insights;

import java.util.Arrays;
import java.util.Locale;

/** One aggregate function call of a stats command, e.g. {@code pct(latency, 95)}. Immutable. */
final class Aggregate {
    enum Kind {
        COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, PCT, STDDEV, EARLIEST, LATEST, SORTS_FIRST, SORTS_LAST;

        static Kind of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "count" -> COUNT;
                case "count_distinct" -> COUNT_DISTINCT;
                case "sum" -> SUM;
                case "avg" -> AVG;
                case "min" -> MIN;
                case "max" -> MAX;
                case "pct" -> PCT;
                case "stddev" -> STDDEV;
                case "earliest" -> EARLIEST;
                case "latest" -> LATEST;
                case "sortsfirst" -> SORTS_FIRST;
                case "sortslast" -> SORTS_LAST;
                default -> null;
            };
        }
    }

    final Kind kind;
    /** The argument; null for count(*) and count(). */
    final Expr arg;
    final double percentile;
    /** Reads the event time for earliest/latest. */
    final Expr timestamp;

    Aggregate(Kind kind, Expr arg, double percentile, Expr timestamp) {
        this.kind = kind;
        this.arg = arg;
        this.percentile = percentile;
        this.timestamp = timestamp;
    }

    Acc newAcc() {
        return switch (kind) {
            case COUNT -> arg == null ? new CountAll() : new Count();
            case COUNT_DISTINCT -> new Distinct();
            case SUM, AVG, STDDEV -> new Moments();
            case MIN, MAX, SORTS_FIRST, SORTS_LAST -> new Extreme();
            case PCT -> new Pct();
            case EARLIEST, LATEST -> new ByTime();
        };
    }

    /** Per-group state of one aggregate. Not thread-safe. */
    abstract class Acc {
        abstract void add(Row row);
        abstract Object result();
    }

    private final class CountAll extends Acc {
        long n;
        @Override void add(Row row) { n++; }
        @Override Object result() { return (double) n; }
    }

    private final class Count extends Acc {
        long n;
        @Override void add(Row row) { if (arg.eval(row) != null) n++; }
        @Override Object result() { return (double) n; }
    }

    private final class Distinct extends Acc {
        final DistinctCounter seen = new DistinctCounter();
        @Override void add(Row row) {
            Object v = arg.eval(row);
            if (v != null) seen.add(Values.toText(v));
        }
        @Override Object result() { return (double) seen.count(); }
    }

    private final class Moments extends Acc {
        long n;
        double sum, mean, m2;
        @Override void add(Row row) {
            double d = Values.toNumber(arg.eval(row));
            if (Double.isNaN(d)) return;
            n++;
            sum += d;
            double delta = d - mean;
            mean += delta / n;
            m2 += delta * (d - mean);
        }
        @Override Object result() {
            if (n == 0) return null;
            return switch (kind) {
                case SUM -> sum;
                case AVG -> sum / n;
                default -> n < 2 ? 0.0 : Math.sqrt(m2 / (n - 1));
            };
        }
    }

    private final class Extreme extends Acc {
        Object best;
        @Override void add(Row row) {
            Object v = arg.eval(row);
            if (v == null) return;
            if (best == null) {
                best = v;
                return;
            }
            int c = (kind == Kind.MIN || kind == Kind.MAX) && Values.isNumeric(v) && Values.isNumeric(best)
                    ? Double.compare(Values.toNumber(v), Values.toNumber(best))
                    : Values.sortCompare(v, best);
            if (kind == Kind.MIN || kind == Kind.SORTS_FIRST ? c < 0 : c > 0) best = v;
        }
        @Override Object result() { return best; }
    }

    private final class Pct extends Acc {
        double[] values = new double[16];
        int n;
        @Override void add(Row row) {
            double d = Values.toNumber(arg.eval(row));
            if (Double.isNaN(d)) return;
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            values[n++] = d;
        }
        @Override Object result() {
            if (n == 0) return null;
            double[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            int rank = (int) Math.ceil(percentile / 100.0 * n);
            return v[Math.max(0, Math.min(n - 1, rank - 1))];
        }
    }

    private final class ByTime extends Acc {
        Object value;
        long time;
        boolean any;
        @Override void add(Row row) {
            Object v = arg.eval(row);
            if (v == null) return;
            long t = timestamp.evalMillis(row);
            if (t == Long.MIN_VALUE) t = row.seq;
            boolean better = !any || (kind == Kind.EARLIEST ? t < time : t >= time);
            if (better) {
                value = v;
                time = t;
                any = true;
            }
        }
        @Override Object result() { return value; }
    }
}
