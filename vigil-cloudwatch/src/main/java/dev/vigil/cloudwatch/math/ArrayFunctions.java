package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Functions that pick from arrays: METRICS, FIRST, LAST, SLICE, SORT, REMOVE_EMPTY, METRIC_COUNT. Stateless. */
final class ArrayFunctions {
    private ArrayFunctions() {}

    /** METRICS([text]): the request's MetricStat queries (not expressions), those whose Id contains the text. */
    static Value metrics(List<Value> args, EvalContext ctx) {
        Args.count("METRICS", args, 0, 1);
        String filter = "";
        if (args.size() == 1) {
            if (!(args.get(0) instanceof Value.Text t)) throw Args.wrongType("METRICS", 0, "a string", args.get(0));
            filter = t.text();
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, Series> e : ctx.metrics().entrySet()) {
            if (e.getKey().contains(filter)) out.add(e.getValue());
        }
        return new Value.Array(out);
    }

    static Value first(List<Value> args, EvalContext ctx) {
        return pick("FIRST", args, true);
    }

    static Value last(List<Value> args, EvalContext ctx) {
        return pick("LAST", args, false);
    }

    private static Value pick(String fn, List<Value> args, boolean first) {
        Args.count(fn, args, 1, 1);
        List<Series> a = Args.array(fn, args, 0);
        if (a.isEmpty()) return new Value.Array(List.of());
        return new Value.Single(a.get(first ? 0 : a.size() - 1));
    }

    /** SLICE(TS[], start[, end]): zero-based, start inclusive, end exclusive; without end, to the last. */
    static Value slice(List<Value> args, EvalContext ctx) {
        Args.count("SLICE", args, 2, 3);
        List<Series> a = Args.array("SLICE", args, 0);
        int from = clamp(Args.scalar("SLICE", args, 1), a.size());
        int to = args.size() == 3 ? clamp(Args.scalar("SLICE", args, 2), a.size()) : a.size();
        return new Value.Array(from >= to ? List.of() : a.subList(from, to));
    }

    /**
     * SORT(TS[], AVG | MIN | MAX | SUM, ASC | DESC[, limit]); series without datapoints have no statistic and
     * sort last either way; equal statistics keep the array's order.
     */
    static Value sort(List<Value> args, EvalContext ctx) {
        Args.count("SORT", args, 3, 4);
        List<Series> a = Args.array("SORT", args, 0);
        Aggregations.Kind kind = Aggregations.Kind.valueOf(
                Args.word("SORT", args, 1, List.of("AVG", "MIN", "MAX", "SUM", "STDDEV")));
        boolean descending = Args.word("SORT", args, 2, List.of("ASC", "DESC")).equals("DESC");
        Comparator<Series> byStat = Comparator.comparingDouble(s -> Aggregations.of(kind, s));
        if (descending) byStat = byStat.reversed();
        Comparator<Series> order = Comparator.<Series, Boolean>comparing(Series::isEmpty).thenComparing(byStat);
        List<Series> sorted = new ArrayList<>(a);
        sorted.sort(order);
        if (args.size() == 4) sorted = sorted.subList(0, clamp(Args.scalar("SORT", args, 3), sorted.size()));
        return new Value.Array(sorted);
    }

    static Value removeEmpty(List<Value> args, EvalContext ctx) {
        Args.count("REMOVE_EMPTY", args, 1, 1);
        return new Value.Array(Args.array("REMOVE_EMPTY", args, 0).stream().filter(s -> !s.isEmpty()).toList());
    }

    static Value metricCount(List<Value> args, EvalContext ctx) {
        Args.count("METRIC_COUNT", args, 1, 1);
        return new Value.Scalar(Args.array("METRIC_COUNT", args, 0).size());
    }

    private static int clamp(double index, int size) {
        if (!Double.isFinite(index) || index != Math.floor(index) || index < 0) {
            throw new MathException("An array index must be a whole number of at least 0, not " + index + ".");
        }
        return (int) Math.min(index, size);
    }
}
