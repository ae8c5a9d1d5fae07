package dev.vigil.cloudwatch;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * CloudWatch's operations; each is served by the class of its area (ingest, statistics, metric data,
 * listing, dashboards, widget images, tags). Thread-safe (holds only stateless area handlers).
 */
public final class CloudWatchProvider {
    private final MetricIngest ingest;
    private final MetricStatistics statistics;
    private final MetricDataQueries metricData;
    private final MetricListing listing;
    private final Dashboards dashboards;
    private final MetricWidgetImages images;
    private final ResourceTags tags;

    public CloudWatchProvider(MetricRepository metrics, DashboardRepository dashboards, Clock clock) {
        this(metrics, dashboards, null, clock);
    }

    /** {@code alarms}: the alarm store, whose alarms are taggable too (null: dashboards only). */
    public CloudWatchProvider(MetricRepository metrics, DashboardRepository dashboards,
                              dev.vigil.cloudwatch.alarms.AlarmRepository alarms, Clock clock) {
        this.ingest = new MetricIngest(metrics, clock);
        this.statistics = new MetricStatistics(metrics, clock);
        this.metricData = new MetricDataQueries(metrics, alarms, clock);
        this.listing = new MetricListing(metrics, clock);
        this.tags = new ResourceTags(dashboards, alarms);
        this.dashboards = new Dashboards(dashboards, tags, clock);
        this.images = new MetricWidgetImages(metricData, clock);
    }

    public PutMetricDataResponse putMetricData(RequestContext ctx, PutMetricDataRequest r) {
        return ingest.putMetricData(ctx, r);
    }

    public GetMetricStatisticsResponse getMetricStatistics(RequestContext ctx, GetMetricStatisticsRequest r) {
        return statistics.getMetricStatistics(ctx, r);
    }

    public GetMetricDataResponse getMetricData(RequestContext ctx, GetMetricDataRequest r) {
        return metricData.getMetricData(ctx, r);
    }

    public ListMetricsResponse listMetrics(RequestContext ctx, ListMetricsRequest r) {
        return listing.listMetrics(ctx, r);
    }

    public PutDashboardResponse putDashboard(RequestContext ctx, PutDashboardRequest r) {
        return dashboards.putDashboard(ctx, r);
    }

    public GetDashboardResponse getDashboard(RequestContext ctx, GetDashboardRequest r) {
        return dashboards.getDashboard(ctx, r);
    }

    public ListDashboardsResponse listDashboards(RequestContext ctx, ListDashboardsRequest r) {
        return dashboards.listDashboards(ctx, r);
    }

    public DeleteDashboardsResponse deleteDashboards(RequestContext ctx, DeleteDashboardsRequest r) {
        return dashboards.deleteDashboards(ctx, r);
    }

    public GetMetricWidgetImageResponse getMetricWidgetImage(RequestContext ctx, GetMetricWidgetImageRequest r) {
        return images.getMetricWidgetImage(ctx, r);
    }

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        return tags.tagResource(ctx, r);
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        return tags.untagResource(ctx, r);
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        return tags.listTagsForResource(ctx, r);
    }
}
