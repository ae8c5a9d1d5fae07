package dev.vigil.cloudwatch;

import dev.vigil.cloudwatch.alarms.AnomalyBandFunction;
import dev.vigil.cloudwatch.alarms.BandDetectors;
import dev.vigil.cloudwatch.insights.InsightsLanguage;
import dev.vigil.cloudwatch.math.ExpressionQueries;
import dev.vigil.cloudwatch.math.MetricMath;
import dev.vigil.cloudwatch.math.Series;
import dev.vigil.cloudwatch.search.SearchFunction;
import dev.vigil.core.RequestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * What GetMetricData adds to metric math for one request: SEARCH, ANOMALY_DETECTION_BAND and Metrics Insights reading the caller's
 * metrics, and the properties dynamic labels read from a MetricStat result. Stateless.
 */
public final class MetricQueries {
    /** "Each GetMetricData operation can have only one query" (Metrics Insights quotas). */
    static final String ONE_INSIGHTS_QUERY = "A GetMetricData request can hold only one Metrics Insights query.";
    private static final MetricMath ENGINE = MetricMath.standard();

    private MetricQueries() {}

    static ExpressionQueries.Extensions extensions(MetricRepository metrics, RequestContext ctx, Instant now,
                                                   BandDetectors detectors) {
        MetricCatalog catalog = new RepositoryCatalog(metrics, ctx.accountId(), ctx.region(), now);
        return extensions(catalog, now, detectors);
    }

    /**
     * SEARCH and Metrics Insights over one account and region's metrics, for evaluating expressions outside a
     * GetMetricData request (alarms on Metrics Insights queries, for instance).
     */
    public static ExpressionQueries.Extensions extensions(MetricRepository metrics, String accountId, String region,
                                                          Instant now) {
        return extensions(new RepositoryCatalog(metrics, accountId, region, now), now, BandDetectors.NONE);
    }

    /** SEARCH, ANOMALY_DETECTION_BAND and Metrics Insights over {@code catalog}. */
    public static ExpressionQueries.Extensions extensions(MetricCatalog catalog, Instant now, BandDetectors detectors) {
        MetricMath engine = ENGINE.withFunction(SearchFunction.NAME, new SearchFunction(catalog))
                .withFunction(AnomalyBandFunction.NAME, new AnomalyBandFunction(catalog, detectors));
        return new ExpressionQueries.Extensions(engine, List.of(new InsightsLanguage(catalog, now.toEpochMilli())),
                now.toEpochMilli());
    }

    /** A MetricStat query's answer as a series, with the properties {@code ${PROP('...')}} reads. */
    static Series series(String label, MetricDataQuery q, List<Instant> timestamps, List<Double> values,
                         RequestContext ctx) {
        TreeMap<Long, Double> points = new TreeMap<>();
        for (int i = 0; i < timestamps.size(); i++) points.put(timestamps.get(i).toEpochMilli(), values.get(i));
        MetricStat s = q.metricStat();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("Namespace", s.metric().namespace());
        props.put("MetricName", s.metric().metricName());
        if (s.metric().hasDimensions()) s.metric().dimensions().forEach(d -> props.put("Dim." + d.name(), d.value()));
        props.put("Stat", s.stat());
        props.put("Period", Integer.toString(s.period()));
        props.put("AccountId", q.accountId() != null ? q.accountId() : ctx.accountId());
        props.put("Region", ctx.region());
        return Series.of(label, s.period(), points).withProps(props);
    }
}
