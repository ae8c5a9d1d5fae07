package dev.vigil.cloudwatch.insights;

import dev.vigil.cloudwatch.MetricCatalog;
import dev.vigil.cloudwatch.math.MathFunction;
import dev.vigil.cloudwatch.math.QueryLanguage;

/** Metrics Insights as a GetMetricData query language over one caller's metrics. Immutable. */
public final class InsightsLanguage implements QueryLanguage {
    private final MetricCatalog catalog;

    public InsightsLanguage(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean accepts(String expression) {
        return InsightsParser.isQuery(expression);
    }

    @Override
    public MathFunction compile(String expression) {
        InsightsQuery q = InsightsParser.parse(expression);
        return (args, ctx) -> InsightsEngine.run(q, catalog, ctx.start(), ctx.end(), ctx.period(), ctx.diagnostics());
    }
}
