package dev.vigil.logs;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.oneOf;
import static dev.vigil.core.service.Constraint.pattern;
import static dev.vigil.core.service.Constraint.range;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.service.TagConditions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * What the SDK model does not say about CloudWatch Logs (DESIGN §2): awsJson1_1 with target prefix
 * {@value #TARGET}, signed as "logs"; its errors; the model's length/pattern/range/enum constraints (answered as
 * InvalidParameterException, "1 validation error detected: ..."); and per operation its IAM action
 * {@code logs:<Operation>} and resources: the log group ARN ({@code arn:aws:logs:<region>:<account>:log-group:<name>}),
 * or the stream ARN ({@code ...:log-group:<name>:log-stream:<stream>}) for the stream operations. Stateless.
 */
public final class LogsDescriptor {
    public static final String SIGNING_NAME = "logs";
    public static final String TARGET = "Logs_20140328";

    private LogsDescriptor() {}

    public static ServiceDescriptor descriptor(LogsProvider p) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(SIGNING_NAME)
                .displayName("logs")
                .protocols(Protocol.AWS_JSON_1_1)
                .jsonTargetPrefix(TARGET)
                .errorNamespace("com.amazonaws.logs");
        LogsErrors.declare(b);
        constraints(b);
        b.operation(op("CreateLogGroup", CreateLogGroupRequest.class, CreateLogGroupResponse.class, p::createLogGroup)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys((ctx, r) -> TagConditions.requestTags(r.hasTags() ? r.tags() : null)).build());
        b.operation(op("DeleteLogGroup", DeleteLogGroupRequest.class, DeleteLogGroupResponse.class, p::deleteLogGroup)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys((ctx, r) -> groupTags(p, ctx, group(ctx, r.logGroupName()))).build());
        b.operation(op("DescribeLogGroups", DescribeLogGroupsRequest.class, DescribeLogGroupsResponse.class, p::describeLogGroups)
                .resources((ctx, r) -> List.of(LogArns.group(ctx.region(), ctx.accountId(), "*"))).readOnly().build());
        b.operation(op("PutRetentionPolicy", PutRetentionPolicyRequest.class, PutRetentionPolicyResponse.class, p::putRetentionPolicy)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys((ctx, r) -> groupTags(p, ctx, group(ctx, r.logGroupName()))).build());
        b.operation(op("DeleteRetentionPolicy", DeleteRetentionPolicyRequest.class, DeleteRetentionPolicyResponse.class, p::deleteRetentionPolicy)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys((ctx, r) -> groupTags(p, ctx, group(ctx, r.logGroupName()))).build());
        b.operation(op("TagResource", TagResourceRequest.class, TagResourceResponse.class, p::tagResource)
                .resources((ctx, r) -> arn(r.resourceArn()))
                .conditionKeys(TagConditions.all((ctx, r) -> TagConditions.requestTags(r.hasTags() ? r.tags() : null),
                        (ctx, r) -> groupTags(p, ctx, arn(r.resourceArn())))).build());
        b.operation(op("UntagResource", UntagResourceRequest.class, UntagResourceResponse.class, p::untagResource)
                .resources((ctx, r) -> arn(r.resourceArn()))
                .conditionKeys(TagConditions.all((ctx, r) -> TagConditions.tagKeys(r.hasTagKeys() ? r.tagKeys() : null),
                        (ctx, r) -> groupTags(p, ctx, arn(r.resourceArn())))).build());
        b.operation(op("ListTagsForResource", ListTagsForResourceRequest.class, ListTagsForResourceResponse.class, p::listTagsForResource)
                .resources((ctx, r) -> arn(r.resourceArn()))
                .conditionKeys((ctx, r) -> groupTags(p, ctx, arn(r.resourceArn()))).readOnly().build());
        b.operation(op("TagLogGroup", TagLogGroupRequest.class, TagLogGroupResponse.class, p::tagLogGroup)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys(TagConditions.all((ctx, r) -> TagConditions.requestTags(r.hasTags() ? r.tags() : null),
                        (ctx, r) -> groupTags(p, ctx, group(ctx, r.logGroupName())))).build());
        b.operation(op("UntagLogGroup", UntagLogGroupRequest.class, UntagLogGroupResponse.class, p::untagLogGroup)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys(TagConditions.all((ctx, r) -> TagConditions.tagKeys(r.hasTags() ? r.tags() : null),
                        (ctx, r) -> groupTags(p, ctx, group(ctx, r.logGroupName())))).build());
        b.operation(op("ListTagsLogGroup", ListTagsLogGroupRequest.class, ListTagsLogGroupResponse.class, p::listTagsLogGroup)
                .resources((ctx, r) -> group(ctx, r.logGroupName()))
                .conditionKeys((ctx, r) -> groupTags(p, ctx, group(ctx, r.logGroupName()))).readOnly().build());
        b.operation(op("CreateLogStream", CreateLogStreamRequest.class, CreateLogStreamResponse.class, p::createLogStream)
                .resources((ctx, r) -> stream(ctx, r.logGroupName(), r.logStreamName())).build());
        b.operation(op("DeleteLogStream", DeleteLogStreamRequest.class, DeleteLogStreamResponse.class, p::deleteLogStream)
                .resources((ctx, r) -> stream(ctx, r.logGroupName(), r.logStreamName())).build());
        b.operation(op("DescribeLogStreams", DescribeLogStreamsRequest.class, DescribeLogStreamsResponse.class, p::describeLogStreams)
                .resources((ctx, r) -> identified(ctx, r.logGroupName(), r.logGroupIdentifier())).readOnly().build());
        b.operation(op("PutLogEvents", PutLogEventsRequest.class, PutLogEventsResponse.class, p::putLogEvents)
                .resources((ctx, r) -> stream(ctx, r.logGroupName(), r.logStreamName())).dataEvent().build());
        b.operation(op("GetLogEvents", GetLogEventsRequest.class, GetLogEventsResponse.class, p::getLogEvents)
                .resources((ctx, r) -> streamByIdentifier(ctx, r.logGroupName(), r.logGroupIdentifier(), r.logStreamName())).readOnly().dataEvent().build());
        b.operation(op("FilterLogEvents", FilterLogEventsRequest.class, FilterLogEventsResponse.class, p::filterLogEvents)
                .resources((ctx, r) -> identified(ctx, r.logGroupName(), r.logGroupIdentifier())).readOnly().dataEvent().build());
        b.operation(op("PutMetricFilter", PutMetricFilterRequest.class, PutMetricFilterResponse.class, p::putMetricFilter)
                .resources((ctx, r) -> group(ctx, r.logGroupName())).build());
        b.operation(op("DescribeMetricFilters", DescribeMetricFiltersRequest.class, DescribeMetricFiltersResponse.class, p::describeMetricFilters)
                .resources((ctx, r) -> r.logGroupName() == null ? List.of("*") : group(ctx, r.logGroupName())).readOnly().build());
        b.operation(op("DeleteMetricFilter", DeleteMetricFilterRequest.class, DeleteMetricFilterResponse.class, p::deleteMetricFilter)
                .resources((ctx, r) -> group(ctx, r.logGroupName())).build());
        b.operation(op("TestMetricFilter", TestMetricFilterRequest.class, TestMetricFilterResponse.class, p::testMetricFilter).readOnly().build());
        b.operation(op("PutResourcePolicy", PutResourcePolicyRequest.class, PutResourcePolicyResponse.class, p::putResourcePolicy)
                .resources((ctx, r) -> r.resourceArn() == null ? List.of("*") : arn(r.resourceArn())).build());
        b.operation(op("DescribeResourcePolicies", DescribeResourcePoliciesRequest.class, DescribeResourcePoliciesResponse.class, p::describeResourcePolicies).readOnly().build());
        b.operation(op("DeleteResourcePolicy", DeleteResourcePolicyRequest.class, DeleteResourcePolicyResponse.class, p::deleteResourcePolicy)
                .resources((ctx, r) -> r.resourceArn() == null ? List.of("*") : arn(r.resourceArn())).build());
        b.operation(op("StartQuery", StartQueryRequest.class, StartQueryResponse.class, p::startQuery)
                .resources((ctx, r) -> queried(ctx, r)).readOnly().build());
        b.operation(OperationDescriptor.builder("StartLiveTail", StartLiveTailRequest.class, StartLiveTailResponse.class)
                .eventStream(p::startLiveTail).iamAction("logs:StartLiveTail")
                .resources((ctx, r) -> tailed(ctx, r)).readOnly().build());
        b.operation(op("GetQueryResults", GetQueryResultsRequest.class, GetQueryResultsResponse.class, p::getQueryResults).readOnly().build());
        b.operation(op("StopQuery", StopQueryRequest.class, StopQueryResponse.class, p::stopQuery).readOnly().build());
        b.operation(op("DescribeQueries", DescribeQueriesRequest.class, DescribeQueriesResponse.class, p::describeQueries).readOnly().build());
        b.operation(op("PutQueryDefinition", PutQueryDefinitionRequest.class, PutQueryDefinitionResponse.class, p::putQueryDefinition).build());
        b.operation(op("DescribeQueryDefinitions", DescribeQueryDefinitionsRequest.class, DescribeQueryDefinitionsResponse.class, p::describeQueryDefinitions).readOnly().build());
        b.operation(op("DeleteQueryDefinition", DeleteQueryDefinitionRequest.class, DeleteQueryDefinitionResponse.class, p::deleteQueryDefinition).build());
        b.operation(op("GetLogRecord", GetLogRecordRequest.class, GetLogRecordResponse.class, p::getLogRecord).readOnly().dataEvent().build());
        b.operation(op("GetLogGroupFields", GetLogGroupFieldsRequest.class, GetLogGroupFieldsResponse.class, p::getLogGroupFields)
                .resources((ctx, r) -> identified(ctx, r.logGroupName(), r.logGroupIdentifier())).readOnly().build());
        return b.build();
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("logs:" + name);
    }

    /**
     * aws:ResourceTag/k of the one log group {@code arns} names (the log-group resource type carries the key);
     * nothing for a group that does not exist or that the caller's account cannot read the tags of.
     */
    static Map<String, List<String>> groupTags(LogsProvider p, RequestContext ctx, List<String> arns) {
        if (arns.size() != 1 || arns.get(0).endsWith(":*") || arns.get(0).equals("*")) return Map.of();
        try {
            return TagConditions.resourceTags(p.listTagsForResource(ctx,
                    ListTagsForResourceRequest.builder().resourceArn(arns.get(0)).build()).tags());
        } catch (AwsException e) {
            return Map.of();
        }
    }

    private static List<String> group(RequestContext ctx, String name) {
        return name == null ? List.of("*") : List.of(LogArns.group(ctx.region(), ctx.accountId(), name));
    }

    private static List<String> stream(RequestContext ctx, String group, String stream) {
        if (group == null) return List.of("*");
        if (stream == null) return group(ctx, group);
        return List.of(LogArns.stream(ctx.region(), ctx.accountId(), group, stream));
    }

    /** A group named by logGroupName or logGroupIdentifier (a name or an ARN, which is used as given). */
    private static List<String> identified(RequestContext ctx, String name, String identifier) {
        if (name != null || identifier == null) return group(ctx, name);
        LogArns.GroupRef ref = LogArns.parseGroup(identifier);
        if (ref != null) return List.of(LogArns.group(ref.region(), ref.accountId(), ref.name()));
        return identifier.startsWith("arn:") ? List.of(identifier) : group(ctx, identifier);
    }

    private static List<String> streamByIdentifier(RequestContext ctx, String name, String identifier, String stream) {
        if (name != null) return stream(ctx, name, stream);
        LogArns.GroupRef ref = identifier == null ? null : LogArns.parseGroup(identifier);
        if (ref != null && stream != null) return List.of(LogArns.stream(ref.region(), ref.accountId(), ref.name(), stream));
        if (ref == null && identifier != null && !identifier.startsWith("arn:")) return stream(ctx, identifier, stream);
        return identified(ctx, name, identifier);
    }

    private static List<String> arn(String arn) {
        if (arn == null || arn.isEmpty()) return List.of("*");
        LogArns.GroupRef ref = LogArns.parseGroup(arn);
        return List.of(ref == null ? arn : LogArns.group(ref.region(), ref.accountId(), ref.name()));
    }

    private static List<String> queried(RequestContext ctx, StartQueryRequest r) {
        List<String> out = new ArrayList<>();
        if (r.logGroupName() != null) out.addAll(group(ctx, r.logGroupName()));
        if (r.hasLogGroupNames()) for (String n : r.logGroupNames()) out.addAll(group(ctx, n));
        if (r.hasLogGroupIdentifiers()) for (String i : r.logGroupIdentifiers()) out.addAll(identified(ctx, null, i));
        return out.isEmpty() ? List.of("*") : List.copyOf(new LinkedHashSet<>(out));
    }

    private static List<String> tailed(RequestContext ctx, StartLiveTailRequest r) {
        List<String> out = new ArrayList<>();
        if (r.hasLogGroupIdentifiers()) for (String i : r.logGroupIdentifiers()) out.addAll(identified(ctx, null, i));
        return out.isEmpty() ? List.of("*") : List.copyOf(new LinkedHashSet<>(out));
    }

    /** The model's constraints (botocore logs 2014-03-28 shapes). */
    private static void constraints(ServiceDescriptor.Builder b) {
        b.constrain("logGroupName", length(1, 512), pattern("[\\.\\-_/#A-Za-z0-9]+"));
        b.constrain("logGroupIdentifier", length(1, 2048), pattern("[\\w#+=/:,.@-]*"));
        b.constrain("logGroupNamePrefix", length(1, 512), pattern("[\\.\\-_/#A-Za-z0-9]+"));
        b.constrain("logGroupNamePattern", length(0, 512), pattern("[\\.\\-_/#A-Za-z0-9]*"));
        b.constrain("logStreamName", length(1, 512), pattern("[^:*]*"));
        b.constrain("logStreamNamePrefix", length(1, 512), pattern("[^:*]*"));
        b.constrain("logStreamNames", length(1, 100));
        b.constrain("filterName", length(1, 512), pattern("[^:*]*"));
        b.constrain("filterNamePrefix", length(1, 512), pattern("[^:*]*"));
        b.constrain("filterPattern", length(0, 1024));
        b.constrain("metricName", length(0, 255), pattern("[^:*$]*"));
        b.constrain("metricNamespace", length(0, 255), pattern("[^:*$]*"));
        b.constrain(MetricTransformation.class, "metricValue", length(0, 100));
        b.constrain(MetricTransformation.class, "unit", oneOf(StandardUnit.knownValues().stream()
                .map(StandardUnit::toString).toArray(String[]::new)));
        b.constrain(PutMetricFilterRequest.class, "metricTransformations", length(1, 1));
        b.constrain("nextToken", length(1, null));
        b.constrain("kmsKeyId", length(0, 256));
        b.constrain("logGroupClass", oneOf("STANDARD", "INFREQUENT_ACCESS", "DELIVERY"));
        b.constrain(DescribeLogStreamsRequest.class, "orderBy", oneOf("LogStreamName", "LastEventTime"));
        for (Class<?> shape : List.of(DescribeLogGroupsRequest.class, DescribeLogStreamsRequest.class,
                DescribeMetricFiltersRequest.class, DescribeResourcePoliciesRequest.class)) {
            b.constrain(shape, "limit", range(1, 50));
        }
        for (Class<?> shape : List.of(GetLogEventsRequest.class, FilterLogEventsRequest.class, StartQueryRequest.class)) {
            b.constrain(shape, "limit", range(1, 10000));
        }
        b.constrain(DescribeQueriesRequest.class, "maxResults", range(1, 1000));
        b.constrain(DescribeQueryDefinitionsRequest.class, "maxResults", range(1, 1000));
        b.constrain(PutLogEventsRequest.class, "logEvents", length(1, 10000));
        b.constrain(PutLogEventsRequest.class, "sequenceToken", length(1, null));
        b.constrain(InputLogEvent.class, "message", length(1, null));
        b.constrain(InputLogEvent.class, "timestamp", range(0, null));
        b.constrain("startTime", range(0, null));
        b.constrain("endTime", range(0, null));
        for (Class<?> shape : List.of(CreateLogGroupRequest.class, TagResourceRequest.class, TagLogGroupRequest.class,
                UntagLogGroupRequest.class)) {
            b.constrain(shape, "tags", length(1, 50));
        }
        b.constrain(UntagResourceRequest.class, "tagKeys", length(0, 50));
        b.constrain("resourceArn", length(1, 1011));
        b.constrain(PutResourcePolicyRequest.class, "policyDocument", length(1, 5120));
        b.constrain("queryString", length(0, 10000));
        b.constrain(StartQueryRequest.class, "logGroupIdentifiers", length(0, 50));
        b.constrain(DescribeLogGroupsRequest.class, "logGroupIdentifiers", length(1, 50));
        b.constrain(StartLiveTailRequest.class, "logGroupIdentifiers", length(1, 10));
        b.constrain(StartLiveTailRequest.class, "logStreamNamePrefixes", length(1, 100));
        b.constrain(StartLiveTailRequest.class, "logEventFilterPattern", length(0, 1024));
        b.constrain("queryId", length(0, 256));
        b.constrain(PutQueryDefinitionRequest.class, "name", length(1, 255));
        b.constrain(TestMetricFilterRequest.class, "logEventMessages", length(1, 50));
        b.constrain(DescribeQueriesRequest.class, "status", oneOf("Scheduled", "Running", "Complete", "Failed",
                "Cancelled", "Timeout", "Unknown"));
    }
}
