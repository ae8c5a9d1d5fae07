package dev.vigil.cloudwatch.search;

import dev.vigil.cloudwatch.MetricCatalog;
import dev.vigil.cloudwatch.MetricKey;
import dev.vigil.cloudwatch.math.EvalContext;
import dev.vigil.cloudwatch.math.MathException;
import dev.vigil.cloudwatch.math.MathFunction;
import dev.vigil.cloudwatch.math.Series;
import dev.vigil.cloudwatch.math.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code SEARCH('{Namespace, Dim...} SearchTerm', 'Statistic'[, Period])}: an array with one series per metric
 * the search finds among those that received data in the past two weeks, at most 500 (the first in namespace,
 * metric name and dimensions order, which is also the order they are returned in), each labelled with its dimension values and metric name. Without Period the
 * expression's period applies. At most 100 SEARCH calls per request, the documented per-graph limit.
 * Thread-safe; the call counter makes an instance good for one request only.
 */
public final class SearchFunction implements MathFunction {
    public static final String NAME = "SEARCH";
    public static final int MAX_SERIES = 500;
    public static final int MAX_SEARCHES = 100;
    private static final int MAX_CANDIDATES = 1_000_000;
    private static final Comparator<MetricKey> ORDER = Comparator.comparing(MetricKey::namespace)
            .thenComparing(MetricKey::metricName).thenComparing(MetricKey::canonicalDimensions);

    private final MetricCatalog catalog;
    private final AtomicInteger calls = new AtomicInteger();

    public SearchFunction(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Value apply(List<Value> args, EvalContext ctx) {
        if (args.size() < 2 || args.size() > 3) {
            throw new MathException("The function SEARCH takes 2 to 3 arguments but was given " + args.size() + ".");
        }
        if (calls.incrementAndGet() > MAX_SEARCHES) {
            throw new MathException("A request can hold at most " + MAX_SEARCHES + " search expressions.");
        }
        String text = text(args, 0, "the search expression query");
        String stat = text(args, 1, "a statistic");
        if (!catalog.isStatistic(stat)) throw new MathException("The statistic '" + stat + "' is not valid.");
        int period = ctx.period();
        if (args.size() == 3) {
            if (!(args.get(2) instanceof Value.Scalar s) || !validPeriod(s.value())) {
                throw new MathException("Argument 3 of SEARCH must be a period in seconds: 1, 5, 10, 20, 30 or a"
                        + " multiple of 60.");
            }
            period = (int) ((Value.Scalar) args.get(2)).value();
        }
        SearchQuery q = SearchParser.parse(text);
        List<MetricKey> found = new ArrayList<>();
        for (MetricKey k : catalog.metrics(q.namespace(), null, MAX_CANDIDATES)) {
            if (q.matches(k)) found.add(k);
        }
        found.sort(ORDER);
        if (found.size() > MAX_SERIES) {
            ctx.diagnostics().note("MaxSeriesExceeded", "The search found more than " + MAX_SERIES
                    + " metrics; only the first " + MAX_SERIES + " are returned.");
            found = found.subList(0, MAX_SERIES);
        }
        List<Series> out = new ArrayList<>();
        for (MetricKey k : found) {
            Series s = Series.of(label(k), period, catalog.statistic(k, stat, ctx.start(), ctx.end(), period));
            out.add(s.withProps(props(k, stat, period)));
        }
        return new Value.Array(out);
    }

    private static String label(MetricKey k) {
        List<String> parts = new ArrayList<>(k.dimensions().values());
        parts.add(k.metricName());
        return String.join(" ", parts);
    }

    private Map<String, String> props(MetricKey k, String stat, int period) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Namespace", k.namespace());
        p.put("MetricName", k.metricName());
        k.dimensions().forEach((name, value) -> p.put("Dim." + name, value));
        p.put("Stat", stat);
        p.put("Period", Integer.toString(period));
        p.put("AccountId", catalog.accountId());
        p.put("Region", catalog.region());
        return p;
    }

    private static String text(List<Value> args, int i, String what) {
        if (args.get(i) instanceof Value.Text t) return t.text();
        throw new MathException("Argument " + (i + 1) + " of SEARCH must be " + what + " in single quotes.");
    }

    private static boolean validPeriod(double p) {
        if (p != Math.floor(p) || p <= 0 || p > Integer.MAX_VALUE) return false;
        int n = (int) p;
        return n == 1 || n == 5 || n == 10 || n == 20 || n == 30 || n % 60 == 0;
    }
}
