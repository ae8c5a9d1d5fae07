package dev.vigil.cloudwatch.insights;

import dev.vigil.cloudwatch.MetricCatalog;
import dev.vigil.cloudwatch.math.MathFunction;
import dev.vigil.cloudwatch.math.QueryLanguage;
import java.time.Duration;

/** Metrics Insights as a GetMetricData query language over one caller's metrics. Immutable. */
public final class InsightsLanguage implements QueryLanguage {
    /** "Query up to two weeks of data" (Metrics Insights quotas). */
    public static final Duration HORIZON = Duration.ofDays(14);

    private final MetricCatalog catalog;
    private final long dataFrom;

    /** @param now epoch millis of the request: data older than {@link #HORIZON} before it is not read */
    public InsightsLanguage(MetricCatalog catalog, long now) {
        this.catalog = catalog;
        this.dataFrom = now - HORIZON.toMillis();
    }

    @Override
    public boolean accepts(String expression) {
        return InsightsParser.isQuery(expression);
    }

    @Override
    public MathFunction compile(String expression) {
        InsightsQuery q = InsightsParser.parse(expression);
        return (args, ctx) -> InsightsEngine.run(q, catalog, ctx.start(), ctx.end(), ctx.period(), dataFrom,
                ctx.diagnostics());
    }
}
