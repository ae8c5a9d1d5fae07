package dev.vigil.cloudwatch;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.oneOf;
import static dev.vigil.core.service.Constraint.pattern;
import static dev.vigil.core.service.Constraint.range;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.TagConditions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.Entity;
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
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * What the SDK model does not say about CloudWatch (DESIGN §2): how it is addressed on its three protocols
 * (awsQuery signed for "monitoring", awsJson1_0 and rpcv2Cbor as GraniteServiceVersion20100801, query-compatible
 * errors), its errors, the model's length/range/enum constraints (answered as ValidationError by the gateway's
 * Validator), and per operation the IAM action and resources. Required members are checked by the provider,
 * which answers MissingParameter as AWS does. Operations not listed here are not served yet. Stateless.
 */
public final class CloudWatchDescriptor {
    public static final String SIGNING_NAME = "monitoring";
    public static final String TARGET = "GraniteServiceVersion20100801";
    public static final String XML_NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    public static final String API_VERSION = "2010-08-01";
    public static final String ERROR_NAMESPACE = "com.amazonaws.cloudwatch";
    /** "Each PutMetricData request is limited to 1 MB in size for HTTP POST requests" (API reference). */
    public static final long PUT_METRIC_DATA_MAX_BYTES = 1_048_576;

    private CloudWatchDescriptor() {}

    public static ServiceDescriptor descriptor(CloudWatchProvider p) {
        return descriptor(p, null);
    }

    /** With the alarm operations when {@code alarms} is given. */
    public static ServiceDescriptor descriptor(CloudWatchProvider p, dev.vigil.cloudwatch.alarms.AlarmsProvider alarms) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(SIGNING_NAME)
                .displayName("cloudwatch")
                .protocols(Protocol.AWS_QUERY, Protocol.AWS_JSON_1_0, Protocol.RPC_V2_CBOR)
                .jsonTargetPrefix(TARGET)
                .cborServiceName(TARGET)
                .xmlNamespace(XML_NAMESPACE)
                .apiVersion(API_VERSION)
                .errorNamespace(ERROR_NAMESPACE)
                .queryCompatible();
        CloudWatchErrors.declare(b);
        constraints(b);
        // PutMetricData, GetMetricData, GetMetricStatistics and ListMetrics are CloudTrail data events
        // (AWS::CloudWatch::Metric), not management events: they stay out of LookupEvents.
        b.operation(op("PutMetricData", PutMetricDataRequest.class, PutMetricDataResponse.class, p::putMetricData)
                .conditionKeys((ctx, r) -> r.namespace() == null ? Map.of()
                        : Map.of("cloudwatch:namespace", List.of(r.namespace())))
                .maxRequestBytes(PUT_METRIC_DATA_MAX_BYTES).dataEvent().build());
        b.operation(op("GetMetricStatistics", GetMetricStatisticsRequest.class, GetMetricStatisticsResponse.class,
                p::getMetricStatistics).readOnly().dataEvent().build());
        b.operation(op("GetMetricData", GetMetricDataRequest.class, GetMetricDataResponse.class, p::getMetricData)
                .readOnly().dataEvent().build());
        b.operation(op("ListMetrics", ListMetricsRequest.class, ListMetricsResponse.class, p::listMetrics)
                .readOnly().dataEvent().build());
        b.operation(op("PutDashboard", PutDashboardRequest.class, PutDashboardResponse.class, p::putDashboard)
                .resources((ctx, r) -> dashboard(ctx, r.dashboardName()))
                .conditionKeys(TagConditions.all((ctx, r) -> requestTags(r.hasTags() ? r.tags() : List.of()),
                        (ctx, r) -> resourceTags(p, ctx, dashboard(ctx, r.dashboardName())))).build());
        b.operation(op("GetDashboard", GetDashboardRequest.class, GetDashboardResponse.class, p::getDashboard)
                .resources((ctx, r) -> dashboard(ctx, r.dashboardName()))
                .conditionKeys((ctx, r) -> resourceTags(p, ctx, dashboard(ctx, r.dashboardName()))).readOnly().build());
        b.operation(op("ListDashboards", ListDashboardsRequest.class, ListDashboardsResponse.class, p::listDashboards)
                .readOnly().build());
        b.operation(op("DeleteDashboards", DeleteDashboardsRequest.class, DeleteDashboardsResponse.class,
                p::deleteDashboards).resources((ctx, r) -> r.hasDashboardNames()
                        ? r.dashboardNames().stream().map(n -> n == null ? "*" : Dashboards.arn(ctx.accountId(), n)).toList()
                        : List.of()).build());
        // GetMetricWidgetImage reads metrics like GetMetricData, but is a management event.
        b.operation(op("GetMetricWidgetImage", GetMetricWidgetImageRequest.class, GetMetricWidgetImageResponse.class,
                p::getMetricWidgetImage).readOnly().build());
        b.operation(op("TagResource", TagResourceRequest.class, TagResourceResponse.class, p::tagResource)
                .resources((ctx, r) -> arn(r.resourceARN()))
                .conditionKeys(TagConditions.all((ctx, r) -> requestTags(r.hasTags() ? r.tags() : List.of()),
                        (ctx, r) -> resourceTags(p, ctx, arn(r.resourceARN())))).build());
        b.operation(op("UntagResource", UntagResourceRequest.class, UntagResourceResponse.class, p::untagResource)
                .resources((ctx, r) -> arn(r.resourceARN()))
                .conditionKeys(TagConditions.all((ctx, r) -> TagConditions.tagKeys(r.hasTagKeys() ? r.tagKeys() : null),
                        (ctx, r) -> resourceTags(p, ctx, arn(r.resourceARN())))).build());
        b.operation(op("ListTagsForResource", ListTagsForResourceRequest.class, ListTagsForResourceResponse.class,
                p::listTagsForResource).resources((ctx, r) -> arn(r.resourceARN()))
                .conditionKeys((ctx, r) -> resourceTags(p, ctx, arn(r.resourceARN()))).readOnly().build());
        if (alarms != null) dev.vigil.cloudwatch.alarms.AlarmDescriptor.register(b, alarms);
        return b.build();
    }

    /** aws:RequestTag/k and aws:TagKeys of the tags a request carries. */
    public static Map<String, List<String>> requestTags(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Tag t : tags) if (t.key() != null) m.put(t.key(), t.value());
        return TagConditions.requestTags(m);
    }

    /**
     * aws:ResourceTag/k of the one alarm or dashboard {@code arns} names (AWS lists the key on both resource
     * types); nothing for a resource that does not exist (yet) or is not this account's.
     */
    public static Map<String, List<String>> resourceTags(CloudWatchProvider p, RequestContext ctx, List<String> arns) {
        if (arns.size() != 1 || arns.get(0).equals("*")) return Map.of();
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            p.listTagsForResource(ctx, ListTagsForResourceRequest.builder().resourceARN(arns.get(0)).build())
                    .tags().forEach(t -> tags.put(t.key(), t.value()));
            return TagConditions.resourceTags(tags);
        } catch (AwsException e) {
            return Map.of();
        }
    }

    private static List<String> arn(String arn) {
        return arn == null || arn.isEmpty() ? List.of("*") : List.of(arn);
    }

    private static <I extends software.amazon.awssdk.core.SdkPojo, O extends software.amazon.awssdk.core.SdkPojo>
            OperationDescriptor.Builder<I, O> op(String name, Class<I> in, Class<O> out,
                                                 dev.vigil.core.service.OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("cloudwatch:" + name);
    }

    private static List<String> dashboard(RequestContext ctx, String name) {
        return name == null ? List.of("*") : List.of(Dashboards.arn(ctx.accountId(), name));
    }

    /** The model's constraints (botocore cloudwatch 2010-08-01 shapes). */
    private static void constraints(ServiceDescriptor.Builder b) {
        for (Class<?> shape : List.of(PutMetricDataRequest.class, GetMetricStatisticsRequest.class,
                ListMetricsRequest.class, Metric.class)) {
            b.constrain(shape, "Namespace", length(1, 255), pattern("[^:].*"));
        }
        for (Class<?> shape : List.of(MetricDatum.class, GetMetricStatisticsRequest.class, ListMetricsRequest.class,
                Metric.class)) {
            b.constrain(shape, "MetricName", length(1, 255));
        }
        for (Class<?> shape : List.of(MetricDatum.class, GetMetricStatisticsRequest.class, Metric.class)) {
            b.constrain(shape, "Dimensions", length(null, 30));
        }
        b.constrain(ListMetricsRequest.class, "Dimensions", length(null, 10));
        b.constrain(Dimension.class, "Name", length(1, 255));
        b.constrain(Dimension.class, "Value", length(1, 1024));
        b.constrain(DimensionFilter.class, "Name", length(1, 255));
        b.constrain(DimensionFilter.class, "Value", length(1, 1024));
        b.constrain(MetricDatum.class, "StorageResolution", range(1, null));
        b.constrain("Period", range(1, null));
        b.constrain(GetMetricStatisticsRequest.class, "Statistics", length(1, 5));
        b.constrain(GetMetricStatisticsRequest.class, "ExtendedStatistics", length(1, 10));
        b.constrain(MetricDataQuery.class, "Id", length(1, 255));
        b.constrain(MetricDataQuery.class, "Expression", length(1, 2048));
        b.constrain(MetricDataQuery.class, "AccountId", length(1, 255));
        b.constrain(ListMetricsRequest.class, "OwningAccount", length(1, 255));
        b.constrain(GetMetricDataRequest.class, "ScanBy", oneOf("TimestampDescending", "TimestampAscending"));
        b.constrain(ListMetricsRequest.class, "RecentlyActive", oneOf("PT3H"));
        b.constrain(Entity.class, "KeyAttributes", length(2, 4));
        b.constrain(Entity.class, "Attributes", length(0, 10));
        b.constrain(Tag.class, "Key", length(1, 128));
        b.constrain(Tag.class, "Value", length(0, 256));
        b.constrain(TagResourceRequest.class, "ResourceARN", length(1, 1024));
        b.constrain(UntagResourceRequest.class, "ResourceARN", length(1, 1024));
        b.constrain(ListTagsForResourceRequest.class, "ResourceARN", length(1, 1024));
    }
}
