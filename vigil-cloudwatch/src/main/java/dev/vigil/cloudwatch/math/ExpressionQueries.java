package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * GetMetricData's Expression queries: checks them, parses them all before evaluating any (a bad expression
 * fails the request, as AWS answers it with ValidationError), evaluates them in dependency order against the
 * MetricStat results, and labels the results. An expression without Label is labelled with its Id; each series
 * of an array result is labelled "Label MetricLabel" (or MetricLabel alone when Label is empty), as the console
 * legend shows them; a Label with dynamic placeholders ({@link DynamicLabels}) is rendered per series instead.
 * Expressions in another query language (Metrics Insights) and I/O-bound functions (SEARCH) come in through
 * {@link Extensions}. Thread-safe (stateless).
 */
public final class ExpressionQueries {
    /** AWS's message when non-finite values were dropped from a result (MessageData code ArithmeticError). */
    public static final String ARITHMETIC_ERROR =
            "One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)";
    static final int MAX_LENGTH = 2048;
    private static final MetricMath ENGINE = MetricMath.standard();

    private ExpressionQueries() {}

    /**
     * One result series of an expression, with whether non-finite points were dropped from it and other notes
     * for GetMetricData's Messages (code → message), such as a Metrics Insights query over too many metrics.
     */
    public record Result(String label, Series series, boolean droppedNonNumeric, Map<String, String> notes) {
        public Result {
            notes = Map.copyOf(notes);
        }

        public Result(String label, Series series, boolean droppedNonNumeric) {
            this(label, series, droppedNonNumeric, Map.of());
        }
    }

    /** InvalidParameterValue problems of an Expression query (parameter path {@code p}). */
    public static List<String> problems(MetricDataQuery q, String p) {
        List<String> out = new ArrayList<>();
        String e = q.expression();
        if (e.length() > MAX_LENGTH) {
            out.add("The parameter " + p + ".Expression must be at most " + MAX_LENGTH + " characters long.");
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
        return evaluate(queries, metrics, start, end, new Extensions(ENGINE, List.of(), end));
    }

    /**
     * What a request adds to plain metric math: an engine with SEARCH (which reads the metric store), whole-query
     * languages (Metrics Insights) and the time dynamic labels' *_RELATIVE values are measured from.
     */
    public record Extensions(MetricMath engine, List<QueryLanguage> languages, long nowMillis) {
        public Extensions {
            languages = List.copyOf(languages);
        }
    }

    /** {@link #evaluate(List, Map, long, long)} with SEARCH, Metrics Insights and the like plugged in. */
    public static Map<String, List<Result>> evaluate(List<MetricDataQuery> queries, Map<String, Series> metrics,
                                                     long start, long end, Extensions ext) {
        Map<String, MetricMath.Expression> parsed = new LinkedHashMap<>();
        Map<String, MathFunction> whole = new LinkedHashMap<>();
        Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
        for (MetricDataQuery q : queries) {
            if (q.expression() == null) continue;
            byId.put(q.id(), q);
            try {
                QueryLanguage lang = ext.languages().stream().filter(l -> l.accepts(q.expression())).findFirst()
                        .orElse(null);
                if (lang == null) {
                    parsed.put(q.id(), ext.engine().parse(q.expression()));
                } else {
                    whole.put(q.id(), lang.compile(q.expression()));
                    parsed.put(q.id(), new MetricMath.Expression(q.expression(), new Node.Text(q.expression()),
                            java.util.Set.of()));
                }
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
                EvalContext ctx = new EvalContext(start, end, period, values, metrics, d);
                MathFunction w = whole.get(id);
                v = w != null ? w.apply(List.of(), ctx) : ext.engine().evaluate(parsed.get(id), ctx);
            } catch (MathException e) {
                throw new MathException("Error in expression " + id + ": " + e.getMessage());
            }
            values.put(id, v);
            out.put(id, results(q, v, d, ext.nowMillis()));
        }
        return out;
    }

    private static List<Result> results(MetricDataQuery q, Value v, Diagnostics d, long now) {
        boolean dropped = d.droppedNonNumeric();
        Map<String, String> notes = d.notes();
        boolean dynamic = DynamicLabels.isDynamic(q.label());
        if (v instanceof Value.Single s) {
            String label = q.label() != null ? q.label() : q.id();
            if (dynamic) label = DynamicLabels.render(q.label(), s.series(), q.id(), now);
            return List.of(new Result(label, s.series(), dropped, notes));
        }
        List<Result> out = new ArrayList<>();
        for (Series s : ((Value.Array) v).series()) {
            String own = s.label() == null ? q.id() : s.label();
            String label;
            if (dynamic) label = DynamicLabels.render(q.label(), s, own, now);
            else label = q.label() == null || q.label().isEmpty() ? own : q.label() + " " + own;
            out.add(new Result(label, s, dropped, notes));
        }
        return out;
    }
}
