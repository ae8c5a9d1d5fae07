package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * GetMetricData's Expression queries: checks them, parses them all before evaluating any (a bad expression
 * fails the request, as AWS answers it with ValidationError), evaluates them in dependency order against the
 * MetricStat results, and labels the results. An expression without Label is labelled with its Id; each series
 * of an array result is labelled "Label MetricLabel" (or MetricLabel alone when Label is empty), as the console
 * legend shows them. Thread-safe (stateless).
 */
public final class ExpressionQueries {
    /** AWS's message when non-finite values were dropped from a result (MessageData code ArithmeticError). */
    public static final String ARITHMETIC_ERROR =
            "One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)";
    static final int MAX_LENGTH = 2048;
    private static final MetricMath ENGINE = MetricMath.standard();

    private ExpressionQueries() {}

    /** One result series of an expression, with whether non-finite points were dropped from it. */
    public record Result(String label, Series series, boolean droppedNonNumeric) {}

    /** InvalidParameterValue problems of an Expression query (parameter path {@code p}). */
    public static List<String> problems(MetricDataQuery q, String p) {
        List<String> out = new ArrayList<>();
        String e = q.expression();
        if (e.length() > MAX_LENGTH) {
            out.add("The parameter " + p + ".Expression must be at most " + MAX_LENGTH + " characters long.");
        } else if (e.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
            out.add("The parameter " + p + ".Expression is a Metrics Insights query, which Vigil does not support yet.");
        }
        Integer period = q.period();
        if (period != null && !(period == 1 || period == 5 || period == 10 || period == 20 || period == 30
                || (period > 0 && period % 60 == 0))) {
            out.add("The parameter " + p + ".Period must be 1, 5, 10, 20, 30 or a multiple of 60.");
        }
        return out;
    }

    /**
     * Evaluates every Expression query.
     *
     * @param queries the request's queries (MetricStat ones are skipped)
     * @param metrics id → series (labelled with the query's label) of every MetricStat query, request order
     * @param start   the rounded StartTime, epoch millis
     * @param end     EndTime, epoch millis
     * @return id → result series of each expression
     * @throws MathException for an expression that does not parse, names an unknown id or function, is part of
     *     a cycle, or has arguments of the wrong type; the message names the query
     */
    public static Map<String, List<Result>> evaluate(List<MetricDataQuery> queries, Map<String, Series> metrics,
                                                     long start, long end) {
        Map<String, MetricMath.Expression> parsed = new LinkedHashMap<>();
        Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
        for (MetricDataQuery q : queries) {
            if (q.expression() == null) continue;
            byId.put(q.id(), q);
            try {
                parsed.put(q.id(), ENGINE.parse(q.expression()));
            } catch (MathException e) {
                throw new MathException("Error in expression " + q.id() + ": " + e.getMessage());
            }
        }
        int defaultPeriod = metrics.values().stream().mapToInt(Series::period).min().orElse(60);
        Map<String, Value> values = new LinkedHashMap<>();
        metrics.forEach((id, s) -> values.put(id, new Value.Single(s)));
        Map<String, List<Result>> out = new LinkedHashMap<>();
        for (String id : QueryPlan.order(parsed, metrics.keySet())) {
            MetricDataQuery q = byId.get(id);
            int period = q.period() != null ? q.period() : defaultPeriod;
            Diagnostics d = new Diagnostics();
            Value v;
            try {
                v = ENGINE.evaluate(parsed.get(id), new EvalContext(start, end, period, values, metrics, d));
            } catch (MathException e) {
                throw new MathException("Error in expression " + id + ": " + e.getMessage());
            }
            values.put(id, v);
            out.put(id, results(q, v, d.droppedNonNumeric()));
        }
        return out;
    }

    private static List<Result> results(MetricDataQuery q, Value v, boolean dropped) {
        if (v instanceof Value.Single s) {
            return List.of(new Result(q.label() != null ? q.label() : q.id(), s.series(), dropped));
        }
        List<Result> out = new ArrayList<>();
        for (Series s : ((Value.Array) v).series()) {
            String own = s.label() == null ? q.id() : s.label();
            String label = q.label() == null || q.label().isEmpty() ? own : q.label() + " " + own;
            out.add(new Result(label, s, dropped));
        }
        return out;
    }
}
