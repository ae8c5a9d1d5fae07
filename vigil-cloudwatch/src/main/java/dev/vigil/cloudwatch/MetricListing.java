package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.required;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * ListMetrics: metrics that received data in the past two weeks (AWS does not list older ones), or in the
 * past three hours with RecentlyActive=PT3H, filtered by namespace, name and dimensions (a filter without a
 * value matches any value), 500 per page. Thread-safe (stateless).
 */
final class MetricListing {
    static final int PAGE_SIZE = 500;
    static final Duration LISTED_FOR = Duration.ofDays(14);
    static final Duration RECENTLY_ACTIVE = Duration.ofHours(3);

    private final MetricRepository metrics;
    private final Clock clock;

    MetricListing(MetricRepository metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    ListMetricsResponse listMetrics(RequestContext ctx, ListMetricsRequest r) {
        List<MetricRepository.DimensionFilter> filters = new ArrayList<>();
        if (r.hasDimensions()) {
            for (int i = 0; i < r.dimensions().size(); i++) {
                DimensionFilter f = r.dimensions().get(i);
                if (f == null || f.name() == null || f.name().isEmpty()) {
                    throw required("Dimensions.member." + (i + 1) + ".Name");
                }
                filters.add(new MetricRepository.DimensionFilter(f.name(), f.value()));
            }
        }
        MetricRepository.Cursor after = null;
        if (r.nextToken() != null) {
            List<String> parts = Tokens.decode(r.nextToken(), 3);
            after = new MetricRepository.Cursor(parts.get(0), parts.get(1), parts.get(2));
        }
        boolean includeLinked = Boolean.TRUE.equals(r.includeLinkedAccounts());
        if (r.owningAccount() != null && !r.owningAccount().equals(ctx.accountId())) {
            // Only the caller's own account exists here until monitoring-account links are built.
            return response(List.of(), null, includeLinked, ctx.accountId());
        }
        Instant now = clock.instant();
        Instant since = now.minus("PT3H".equals(r.recentlyActiveAsString()) ? RECENTLY_ACTIVE : LISTED_FOR);
        MetricRepository.Page page = metrics.list(new MetricRepository.Listing(ctx.accountId(), ctx.region(),
                r.namespace(), r.metricName(), filters, since), after, PAGE_SIZE);
        List<Metric> out = page.metrics().stream().map(k -> Metric.builder().namespace(k.namespace())
                .metricName(k.metricName()).dimensions(k.sdkDimensions()).build()).toList();
        MetricRepository.Cursor next = page.next();
        String token = next == null ? null : Tokens.encode(next.namespace(), next.metricName(), next.seriesKey());
        return response(out, token, includeLinked, ctx.accountId());
    }

    private static ListMetricsResponse response(List<Metric> metrics, String token, boolean includeLinked,
                                                String account) {
        ListMetricsResponse.Builder b = ListMetricsResponse.builder().metrics(metrics).nextToken(token);
        if (includeLinked) b.owningAccounts(Collections.nCopies(metrics.size(), account));
        return b.build();
    }
}
