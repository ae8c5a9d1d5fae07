package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.EventStream;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.ResourcePolicySource;
import java.time.Clock;
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
 * CloudWatch Logs' operations; each is served by the class of its area (groups, streams, ingest, reads, metric
 * filters, resource policies, Insights queries, query definitions, log records, live tails). Thread-safe (holds only
 * thread-safe area handlers).
 */
public final class LogsProvider implements AutoCloseable {
    private final LogGroups groups;
    private final LogStreams streams;
    private final LogIngest ingest;
    private final LogReads reads;
    private final MetricFilters metricFilters;
    private final ResourcePolicies policies;
    private final InsightsQueries queries;
    private final QueryDefinitions definitions;
    private final InsightsRecords records;
    private final MetricFilterEmitter emitter;
    private final LiveTails liveTails;

    public LogsProvider(GroupStore groupStore, EventStore eventStore, ConfigStore config, QueryStore queryStore,
                        Interconnect interconnect, Clock clock, int queryWorkers) {
        GroupResolver resolver = new GroupResolver(groupStore);
        Patterns patterns = new Patterns();
        this.emitter = new MetricFilterEmitter(config, interconnect, patterns);
        this.groups = new LogGroups(groupStore, config, resolver, clock);
        this.streams = new LogStreams(groupStore, resolver, clock);
        this.ingest = new LogIngest(groupStore, eventStore, resolver, emitter, clock);
        this.reads = new LogReads(groupStore, eventStore, resolver, patterns);
        this.metricFilters = new MetricFilters(config, resolver, patterns, emitter, clock);
        this.policies = new ResourcePolicies(config, resolver, clock);
        this.queries = new InsightsQueries(groupStore, eventStore, queryStore, resolver, clock, queryWorkers);
        this.definitions = new QueryDefinitions(config, clock);
        this.records = new InsightsRecords(groupStore, eventStore, resolver, clock);
        this.liveTails = new LiveTails(groupStore, eventStore, resolver, patterns, clock, LiveTails.TICK_MS);
    }

    /** The resource policies of the "logs" ARN namespace, for the policy engine. */
    public ResourcePolicySource resourcePolicies() {
        return policies;
    }

    /** Drops cached metric filters and policies (before a reset wipes the store). */
    public void clearCaches() {
        emitter.clear();
        policies.clear();
    }

    @Override
    public void close() {
        liveTails.close();
        queries.close();
    }

    public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest r) {
        return groups.createLogGroup(ctx, r);
    }

    public DeleteLogGroupResponse deleteLogGroup(RequestContext ctx, DeleteLogGroupRequest r) {
        return groups.deleteLogGroup(ctx, r);
    }

    public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest r) {
        return groups.describeLogGroups(ctx, r);
    }

    public PutRetentionPolicyResponse putRetentionPolicy(RequestContext ctx, PutRetentionPolicyRequest r) {
        return groups.putRetentionPolicy(ctx, r);
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(RequestContext ctx, DeleteRetentionPolicyRequest r) {
        return groups.deleteRetentionPolicy(ctx, r);
    }

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        return groups.tagResource(ctx, r);
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        return groups.untagResource(ctx, r);
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        return groups.listTagsForResource(ctx, r);
    }

    public TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest r) {
        return groups.tagLogGroup(ctx, r);
    }

    public UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest r) {
        return groups.untagLogGroup(ctx, r);
    }

    public ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest r) {
        return groups.listTagsLogGroup(ctx, r);
    }

    public CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest r) {
        return streams.createLogStream(ctx, r);
    }

    public DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest r) {
        return streams.deleteLogStream(ctx, r);
    }

    public DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest r) {
        return streams.describeLogStreams(ctx, r);
    }

    public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest r) {
        return ingest.putLogEvents(ctx, r);
    }

    public GetLogEventsResponse getLogEvents(RequestContext ctx, GetLogEventsRequest r) {
        return reads.getLogEvents(ctx, r);
    }

    public FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest r) {
        return reads.filterLogEvents(ctx, r);
    }

    public PutMetricFilterResponse putMetricFilter(RequestContext ctx, PutMetricFilterRequest r) {
        return metricFilters.putMetricFilter(ctx, r);
    }

    public DescribeMetricFiltersResponse describeMetricFilters(RequestContext ctx, DescribeMetricFiltersRequest r) {
        return metricFilters.describeMetricFilters(ctx, r);
    }

    public DeleteMetricFilterResponse deleteMetricFilter(RequestContext ctx, DeleteMetricFilterRequest r) {
        return metricFilters.deleteMetricFilter(ctx, r);
    }

    public TestMetricFilterResponse testMetricFilter(RequestContext ctx, TestMetricFilterRequest r) {
        return metricFilters.testMetricFilter(ctx, r);
    }

    public PutResourcePolicyResponse putResourcePolicy(RequestContext ctx, PutResourcePolicyRequest r) {
        return policies.putResourcePolicy(ctx, r);
    }

    public DescribeResourcePoliciesResponse describeResourcePolicies(RequestContext ctx, DescribeResourcePoliciesRequest r) {
        return policies.describeResourcePolicies(ctx, r);
    }

    public DeleteResourcePolicyResponse deleteResourcePolicy(RequestContext ctx, DeleteResourcePolicyRequest r) {
        return policies.deleteResourcePolicy(ctx, r);
    }

    public StartQueryResponse startQuery(RequestContext ctx, StartQueryRequest r) {
        return queries.startQuery(ctx, r);
    }

    public GetQueryResultsResponse getQueryResults(RequestContext ctx, GetQueryResultsRequest r) {
        return queries.getQueryResults(ctx, r);
    }

    public StopQueryResponse stopQuery(RequestContext ctx, StopQueryRequest r) {
        return queries.stopQuery(ctx, r);
    }

    public DescribeQueriesResponse describeQueries(RequestContext ctx, DescribeQueriesRequest r) {
        return queries.describeQueries(ctx, r);
    }

    public PutQueryDefinitionResponse putQueryDefinition(RequestContext ctx, PutQueryDefinitionRequest r) {
        return definitions.putQueryDefinition(ctx, r);
    }

    public DescribeQueryDefinitionsResponse describeQueryDefinitions(RequestContext ctx, DescribeQueryDefinitionsRequest r) {
        return definitions.describeQueryDefinitions(ctx, r);
    }

    public DeleteQueryDefinitionResponse deleteQueryDefinition(RequestContext ctx, DeleteQueryDefinitionRequest r) {
        return definitions.deleteQueryDefinition(ctx, r);
    }

    public GetLogRecordResponse getLogRecord(RequestContext ctx, GetLogRecordRequest r) {
        return records.getLogRecord(ctx, r);
    }

    /** StartLiveTail: the session's event stream (sessionStart, then a sessionUpdate every second). */
    public EventStream startLiveTail(RequestContext ctx, StartLiveTailRequest r) {
        return liveTails.startLiveTail(ctx, r);
    }

    public GetLogGroupFieldsResponse getLogGroupFields(RequestContext ctx, GetLogGroupFieldsRequest r) {
        return records.getLogGroupFields(ctx, r);
    }
}
