package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.MetricSink;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupField;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;

/** Store, retention and the operations against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogsStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    record Point(String namespace, String name, Map<String, String> dims, Instant ts, double value, String unit) {}

    private JdbcDatabase db;
    private JdbcGroupStore groups;
    private JdbcEventStore events;
    private JdbcConfigStore config;
    private MutableClock clock;
    private LogsProvider logs;
    private List<Point> points;
    private String g;

    abstract JdbcDatabase open();

    @BeforeAll
    void migrate() {
        db = open();
        groups = new JdbcGroupStore(db);
        events = new JdbcEventStore(db);
        config = new JdbcConfigStore(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        clock = new MutableClock(START);
        points = Collections.synchronizedList(new ArrayList<>());
        Interconnect interconnect = new Interconnect(new DeliveryFailures(clock));
        interconnect.register(MetricSink.class, (account, region, ns, name, dims, ts, value, unit) ->
                points.add(new Point(ns, name, dims, ts, value, unit)));
        logs = new LogsProvider(groups, events, config, new JdbcQueryStore(db), interconnect, clock, 1);
        g = "/vigil/" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        logs.close();
    }

    static RequestContext ctx() {
        return ctx(ACCOUNT);
    }

    static RequestContext ctx(String account) {
        return new RequestContext("r", START, REGION, Caller.root(account, "test"), "127.0.0.1", null, "logs", "Op");
    }

    static InputLogEvent ev(long ts, String message) {
        return InputLogEvent.builder().timestamp(ts).message(message).build();
    }

    private void group(String name) {
        logs.createLogGroup(ctx(), CreateLogGroupRequest.builder().logGroupName(name).build());
    }

    private void stream(String group, String stream) {
        logs.createLogStream(ctx(), CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build());
    }

    private PutLogEventsResponse put(String group, String stream, InputLogEvent... es) {
        return logs.putLogEvents(ctx(), PutLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
                .logEvents(es).build());
    }

    private static void assertAws(Runnable call, String code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void groupsAreCreatedDescribedPagedAndDeleted() {
        logs.createLogGroup(ctx(), CreateLogGroupRequest.builder().logGroupName(g + "/a").logGroupClass("INFREQUENT_ACCESS")
                .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k").tags(Map.of("team", "core")).build());
        group(g + "/b");
        group(g + "/c");
        assertAws(() -> group(g + "/a"), "ResourceAlreadyExistsException", "The specified log group already exists");

        DescribeLogGroupsResponse page1 = logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder()
                .logGroupNamePrefix(g).limit(2).build());
        assertThat(page1.logGroups()).extracting(l -> l.logGroupName()).containsExactly(g + "/a", g + "/b");
        var a = page1.logGroups().get(0);
        assertThat(a.arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:" + g + "/a:*");
        assertThat(a.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:" + g + "/a");
        assertThat(a.creationTime()).isEqualTo(START.toEpochMilli());
        assertThat(a.logGroupClassAsString()).isEqualTo("INFREQUENT_ACCESS");
        assertThat(a.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/k");
        assertThat(a.storedBytes()).isZero();
        assertThat(a.metricFilterCount()).isZero();
        assertThat(page1.nextToken()).isNotNull();
        DescribeLogGroupsResponse page2 = logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder()
                .logGroupNamePrefix(g).limit(2).nextToken(page1.nextToken()).build());
        assertThat(page2.logGroups()).extracting(l -> l.logGroupName()).containsExactly(g + "/c");
        assertThat(page2.nextToken()).isNull();

        String pattern = g.substring(8, 20).toUpperCase();
        assertThat(logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder().logGroupNamePattern(pattern).build())
                .logGroups()).hasSize(3);
        assertAws(() -> logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder().logGroupNamePrefix(g)
                .logGroupNamePattern("x").build()), "InvalidParameterException", "mutually exclusive");
        // Another account sees nothing.
        assertThat(logs.describeLogGroups(ctx("210987654321"), DescribeLogGroupsRequest.builder()
                .logGroupNamePrefix(g).build()).logGroups()).isEmpty();

        logs.deleteLogGroup(ctx(), DeleteLogGroupRequest.builder().logGroupName(g + "/b").build());
        assertAws(() -> logs.deleteLogGroup(ctx(), DeleteLogGroupRequest.builder().logGroupName(g + "/b").build()),
                "ResourceNotFoundException", "The specified log group does not exist.");
        assertThat(logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder().logGroupNamePrefix(g).build())
                .logGroups()).extracting(l -> l.logGroupName()).containsExactly(g + "/a", g + "/c");
    }

    @Test
    void retentionTakesOnlyAllowedValuesAndTheSweepExpiresEvents() {
        group(g);
        stream(g, "s");
        assertAws(() -> logs.putRetentionPolicy(ctx(), PutRetentionPolicyRequest.builder().logGroupName(g)
                .retentionInDays(2).build()), "InvalidParameterException", "Member must satisfy enum value set: [1, 3, 5");
        long now = START.toEpochMilli();
        put(g, "s", ev(now - 3 * LogIngest.DAY_MS, "old"), ev(now - 3 * LogIngest.DAY_MS + 1, "older"));
        put(g, "s", ev(now, "fresh"));
        logs.putRetentionPolicy(ctx(), PutRetentionPolicyRequest.builder().logGroupName(g).retentionInDays(1).build());
        assertThat(logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder().logGroupNamePrefix(g).build())
                .logGroups().get(0).retentionInDays()).isEqualTo(1);
        long swept = new RetentionSweep(groups, events).run(clock.instant());
        assertThat(swept).isEqualTo(2);
        assertThat(read(g, "s", true)).extracting(OutputLogEvent::message).containsExactly("fresh");
        LogStream s = logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g).build())
                .logStreams().get(0);
        assertThat(s.firstEventTimestamp()).isEqualTo(now);
        assertThat(s.storedBytes()).isEqualTo(5);
        assertThat(new RetentionSweep(groups, events).run(clock.instant())).isZero();
        // Expired by retention on the way in: rejected per event.
        PutLogEventsResponse r = put(g, "s", ev(now - LogIngest.DAY_MS - 1, "expired"), ev(now - 1, "kept"));
        assertThat(r.rejectedLogEventsInfo().expiredLogEventEndIndex()).isZero();
        logs.deleteRetentionPolicy(ctx(), software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest
                .builder().logGroupName(g).build());
        assertThat(logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder().logGroupNamePrefix(g).build())
                .logGroups().get(0).retentionInDays()).isNull();
    }

    @Test
    void streamsAreOrderedByNameOrLastEventTime() {
        group(g);
        stream(g, "b");
        stream(g, "a");
        stream(g, "c");
        assertAws(() -> stream(g, "a"), "ResourceAlreadyExistsException", "The specified log stream already exists");
        assertAws(() -> stream(g + "x", "a"), "ResourceNotFoundException", "The specified log group does not exist.");
        long now = START.toEpochMilli();
        put(g, "a", ev(now - 1000, "x"));
        put(g, "c", ev(now - 5000, "x"), ev(now - 3000, "yy"));
        put(g, "b", ev(now - 2000, "x"));
        List<LogStream> byName = logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .build()).logStreams();
        assertThat(byName).extracting(LogStream::logStreamName).containsExactly("a", "b", "c");
        LogStream c = byName.get(2);
        assertThat(c.firstEventTimestamp()).isEqualTo(now - 5000);
        assertThat(c.lastEventTimestamp()).isEqualTo(now - 3000);
        assertThat(c.lastIngestionTime()).isEqualTo(now);
        assertThat(c.storedBytes()).isEqualTo(3);
        assertThat(c.arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:" + g + ":log-stream:c");

        var first = logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .orderBy("LastEventTime").descending(true).limit(2).build());
        assertThat(first.logStreams()).extracting(LogStream::logStreamName).containsExactly("a", "b");
        var rest = logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .orderBy("LastEventTime").descending(true).limit(2).nextToken(first.nextToken()).build());
        assertThat(rest.logStreams()).extracting(LogStream::logStreamName).containsExactly("c");
        assertThat(rest.nextToken()).isNull();
        assertAws(() -> logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .orderBy("LastEventTime").logStreamNamePrefix("a").build()), "InvalidParameterException", "LastEventTime");
        assertThat(logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder()
                .logGroupIdentifier("arn:aws:logs:us-east-1:123456789012:log-group:" + g).logStreamNamePrefix("b")
                .build()).logStreams()).extracting(LogStream::logStreamName).containsExactly("b");
        assertThat(logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g).descending(true)
                .build()).logStreams()).extracting(LogStream::logStreamName).containsExactly("c", "b", "a");

        for (String n : List.of("x_1", "xy1", "x%2", "x\\3", "x_\\")) stream(g, n);
        assertThat(logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .logStreamNamePrefix("x_").build()).logStreams()).extracting(LogStream::logStreamName)
                .containsExactly("x_1", "x_\\");
        assertThat(logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .logStreamNamePrefix("x%").descending(true).build()).logStreams()).extracting(LogStream::logStreamName)
                .containsExactly("x%2");
        assertThat(logs.describeLogStreams(ctx(), DescribeLogStreamsRequest.builder().logGroupName(g)
                .logStreamNamePrefix("x\\").build()).logStreams()).extracting(LogStream::logStreamName)
                .containsExactly("x\\3");
        logs.deleteLogStream(ctx(), DeleteLogStreamRequest.builder().logGroupName(g).logStreamName("c").build());
        assertAws(() -> logs.deleteLogStream(ctx(), DeleteLogStreamRequest.builder().logGroupName(g).logStreamName("c")
                .build()), "ResourceNotFoundException", "The specified log stream does not exist.");
        assertThat(filter(FilterLogEventsRequest.builder().logGroupName(g)).events()).hasSize(2);
    }

    @Test
    void putLogEventsEnforcesTheBatchRulesAndRejectsEventsOneByOne() {
        group(g);
        stream(g, "s");
        long now = START.toEpochMilli();
        assertAws(() -> put(g, "s", ev(now, "b"), ev(now - 1, "a")), "InvalidParameterException",
                "Log events in a single PutLogEvents request must be in chronological order.");
        assertAws(() -> put(g, "s", ev(now - LogIngest.DAY_MS - 1, "a"), ev(now, "b")), "InvalidParameterException",
                "cannot span more than 24 hours");
        String big = "x".repeat(1_048_576 - 26);
        put(g, "s", ev(now, big));
        assertAws(() -> put(g, "s", ev(now, big + "y")), "InvalidParameterException",
                "Upload too large: 1048577 bytes exceeds limit of 1048576");
        assertAws(() -> put(g, "nope", ev(now, "a")), "ResourceNotFoundException", "The specified log stream does not exist.");
        assertAws(() -> put(g + "x", "s", ev(now, "a")), "ResourceNotFoundException", "The specified log group does not exist.");

        long old = now - 14 * LogIngest.DAY_MS - 1;
        PutLogEventsResponse r = put(g, "s", ev(old - 1, "too old 1"), ev(old, "too old 2"), ev(old + 1000, "ok 1"));
        assertThat(r.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(r.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isNull();
        assertThat(r.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
        clock.set(START);
        r = put(g, "s", ev(now + 7_200_000, "ok 2"), ev(now + 7_200_001, "too new 1"), ev(now + 7_200_002, "too new 2"));
        assertThat(r.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(r.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isNull();
        assertThat(r.nextSequenceToken()).hasSize(56);
        // GetLogEvents answers at most 1 MB: the big event comes on the next page.
        GetLogEventsResponse first = logs.getLogEvents(ctx(), GetLogEventsRequest.builder().logGroupName(g)
                .logStreamName("s").startFromHead(true).build());
        assertThat(first.events()).extracting(OutputLogEvent::message).containsExactly("ok 1");
        GetLogEventsResponse second = page(first.nextForwardToken(), 100);
        assertThat(second.events()).extracting(OutputLogEvent::message).containsExactly(big);
        assertThat(page(second.nextForwardToken(), 100).events()).extracting(OutputLogEvent::message)
                .containsExactly("ok 2");
        // The sequence token is accepted and ignored, whatever it is.
        logs.putLogEvents(ctx(), PutLogEventsRequest.builder().logGroupName(g).logStreamName("s")
                .sequenceToken("whatever").logEvents(ev(now, "again")).build());
        assertThat(put(g, "s", ev(now, "x")).rejectedLogEventsInfo()).isNull();
    }

    private List<OutputLogEvent> read(String group, String stream, boolean head) {
        return logs.getLogEvents(ctx(), GetLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
                .startFromHead(head).build()).events();
    }

    @Test
    void getLogEventsTokensAreStableAtBothEnds() {
        group(g);
        stream(g, "s");
        long now = START.toEpochMilli();
        put(g, "s", IntStream.range(0, 5).mapToObj(i -> ev(now - 5000 + i * 1000L, "e" + i)).toArray(InputLogEvent[]::new));

        GetLogEventsResponse head = logs.getLogEvents(ctx(), GetLogEventsRequest.builder().logGroupName(g)
                .logStreamName("s").startFromHead(true).limit(2).build());
        assertThat(head.events()).extracting(OutputLogEvent::message).containsExactly("e0", "e1");
        GetLogEventsResponse next = page(head.nextForwardToken(), 2);
        assertThat(next.events()).extracting(OutputLogEvent::message).containsExactly("e2", "e3");
        GetLogEventsResponse last = page(next.nextForwardToken(), 2);
        assertThat(last.events()).extracting(OutputLogEvent::message).containsExactly("e4");
        GetLogEventsResponse end = page(last.nextForwardToken(), 2);
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(last.nextForwardToken());
        assertThat(page(end.nextForwardToken(), 2).nextForwardToken()).isEqualTo(end.nextForwardToken());
        put(g, "s", ev(now, "e5"));
        assertThat(page(end.nextForwardToken(), 2).events()).extracting(OutputLogEvent::message).containsExactly("e5");

        GetLogEventsResponse tail = logs.getLogEvents(ctx(), GetLogEventsRequest.builder().logGroupName(g)
                .logStreamName("s").limit(2).build());
        assertThat(tail.events()).extracting(OutputLogEvent::message).containsExactly("e4", "e5");
        GetLogEventsResponse back = page(tail.nextBackwardToken(), 2);
        assertThat(back.events()).extracting(OutputLogEvent::message).containsExactly("e2", "e3");
        GetLogEventsResponse back2 = page(page(back.nextBackwardToken(), 2).nextBackwardToken(), 2);
        assertThat(back2.events()).isEmpty();
        assertThat(page(back2.nextBackwardToken(), 2).nextBackwardToken()).isEqualTo(back2.nextBackwardToken());

        GetLogEventsResponse window = logs.getLogEvents(ctx(), GetLogEventsRequest.builder().logGroupName(g)
                .logStreamName("s").startTime(now - 4000).endTime(now - 2000).startFromHead(true).build());
        assertThat(window.events()).extracting(OutputLogEvent::message).containsExactly("e1", "e2");
        assertAws(() -> page("f/nonsense", 2), "InvalidParameterException", "nextToken");
    }

    private GetLogEventsResponse page(String token, int limit) {
        return logs.getLogEvents(ctx(), GetLogEventsRequest.builder().logGroupName(g).logStreamName("s").nextToken(token)
                .limit(limit).build());
    }

    private FilterLogEventsResponse filter(FilterLogEventsRequest.Builder b) {
        return logs.filterLogEvents(ctx(), b.build());
    }

    @Test
    void filterLogEventsSelectsStreamsTimesAndPatternsAcrossPages() {
        group(g);
        stream(g, "web-1");
        stream(g, "web-2");
        stream(g, "db");
        long now = START.toEpochMilli();
        put(g, "web-1", ev(now - 5000, "GET /a 200"), ev(now - 3000, "GET /b 500 ERROR"));
        put(g, "web-2", ev(now - 4000, "GET /c 404"), ev(now - 2000, "POST /d 500 ERROR"));
        put(g, "db", ev(now - 1000, "{\"level\":\"ERROR\",\"latency\":12}"));

        assertThat(filter(FilterLogEventsRequest.builder().logGroupName(g)).events())
                .extracting(FilteredLogEvent::message).containsExactly("GET /a 200", "GET /c 404", "GET /b 500 ERROR",
                        "POST /d 500 ERROR", "{\"level\":\"ERROR\",\"latency\":12}");
        assertThat(filter(FilterLogEventsRequest.builder().logGroupName(g).filterPattern("ERROR")).events())
                .extracting(FilteredLogEvent::logStreamName).containsExactly("web-1", "web-2", "db");
        assertThat(filter(FilterLogEventsRequest.builder().logGroupName(g).filterPattern("{ $.latency > 10 }")).events())
                .extracting(FilteredLogEvent::logStreamName).containsExactly("db");
        assertThat(filter(FilterLogEventsRequest.builder().logGroupName(g).logStreamNamePrefix("web")
                .filterPattern("ERROR")).events()).extracting(FilteredLogEvent::logStreamName)
                .containsExactly("web-1", "web-2");
        assertThat(filter(FilterLogEventsRequest.builder()
                .logGroupIdentifier("arn:aws:logs:us-east-1:123456789012:log-group:" + g + ":*")
                .logStreamNames("web-2", "db").startTime(now - 4000).endTime(now - 1000)).events())
                .extracting(FilteredLogEvent::message).containsExactly("GET /c 404", "POST /d 500 ERROR");
        assertAws(() -> filter(FilterLogEventsRequest.builder().logGroupName(g).filterPattern("{ $.x = ")),
                "InvalidParameterException", "");
        assertAws(() -> filter(FilterLogEventsRequest.builder().logGroupName(g).logStreamNames("db")
                .logStreamNamePrefix("w")), "InvalidParameterException", "mutually exclusive");

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            FilterLogEventsResponse r = filter(FilterLogEventsRequest.builder().logGroupName(g).limit(2).nextToken(token));
            r.events().forEach(e -> seen.add(e.message()));
            assertThat(r.events()).allSatisfy(e -> assertThat(e.eventId()).hasSize(56));
            token = r.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        FilterLogEventsResponse all = filter(FilterLogEventsRequest.builder().logGroupName(g).interleaved(true));
        assertThat(all.searchedLogStreams()).extracting(s -> s.logStreamName()).containsExactly("db", "web-1", "web-2");
        assertThat(all.searchedLogStreams()).allSatisfy(s -> assertThat(s.searchedCompletely()).isTrue());
    }

    @Test
    void overlappingChunksOfSeveralStreamsReadInTimestampOrderBothWays() {
        group(g);
        stream(g, "a");
        stream(g, "b");
        long now = START.toEpochMilli();
        java.util.Random random = new java.util.Random(7);
        List<String> expected = new ArrayList<>();
        List<long[]> keys = new ArrayList<>();
        for (int batch = 0; batch < 40; batch++) {
            String stream = batch % 2 == 0 ? "a" : "b";
            long base = now - 100_000 + random.nextInt(50_000);
            List<InputLogEvent> es = new ArrayList<>();
            long ts = base;
            for (int i = 0; i < 30; i++) {
                ts += random.nextInt(3);
                es.add(ev(ts, stream + "-" + batch + "-" + i));
            }
            put(g, stream, es.toArray(InputLogEvent[]::new));
        }
        LogGroup lg = groups.find(ACCOUNT, REGION, g).orElseThrow();
        List<StoredEvent> forward = events.read(new EventStore.Range(lg.id(), null, Long.MIN_VALUE, Long.MAX_VALUE, null,
                null, false, 10_000));
        assertThat(forward).hasSize(1200);
        assertThat(forward).isSortedAccordingTo(java.util.Comparator.comparingLong(StoredEvent::timestamp)
                .thenComparingLong(StoredEvent::id));
        assertThat(forward.stream().map(StoredEvent::id).distinct().count()).isEqualTo(1200);
        List<StoredEvent> backward = events.read(new EventStore.Range(lg.id(), null, Long.MIN_VALUE, Long.MAX_VALUE, null,
                null, true, 10_000));
        List<StoredEvent> reversed = new ArrayList<>(forward);
        Collections.reverse(reversed);
        assertThat(backward).isEqualTo(reversed);
        // Keyset pages from any position agree with the full read, both ways.
        StoredEvent mid = forward.get(517);
        EventStore.Position p = new EventStore.Position(mid.timestamp(), mid.id());
        assertThat(events.read(new EventStore.Range(lg.id(), null, Long.MIN_VALUE, Long.MAX_VALUE, p, null, false, 50)))
                .isEqualTo(forward.subList(518, 568));
        assertThat(events.read(new EventStore.Range(lg.id(), null, Long.MIN_VALUE, Long.MAX_VALUE, null, p, true, 50)))
                .isEqualTo(reversed.subList(1200 - 517, 1200 - 467));
        long from = forward.get(100).timestamp();
        long to = forward.get(900).timestamp();
        assertThat(events.read(new EventStore.Range(lg.id(), null, from, to, null, null, false, 10_000)))
                .isEqualTo(forward.stream().filter(e -> e.timestamp() >= from && e.timestamp() < to).toList());
        dev.vigil.logs.LogStream a = groups.findStream(lg.id(), "a").orElseThrow();
        assertThat(events.read(new EventStore.Range(lg.id(), a.id(), Long.MIN_VALUE, Long.MAX_VALUE, null, null, false,
                10_000))).isEqualTo(forward.stream().filter(e -> e.streamId() == a.id()).toList());
        assertThat(events.get(lg.id(), mid.timestamp(), mid.id())).contains(mid);
        List<StoredEvent> anyOrder = new ArrayList<>();
        events.scanAnyOrder(lg.id(), from, to, anyOrder::add);
        assertThat(anyOrder).containsExactlyInAnyOrderElementsOf(
                forward.stream().filter(e -> e.timestamp() >= from && e.timestamp() < to).toList());
        // Retention cuts through chunks: the newer events stay, under the same ids.
        long cutoff = forward.get(600).timestamp();
        int expired = events.expire(lg.id(), cutoff);
        List<StoredEvent> kept = forward.stream().filter(e -> e.timestamp() >= cutoff).toList();
        assertThat(expired).isEqualTo(1200 - kept.size());
        assertThat(events.read(new EventStore.Range(lg.id(), null, Long.MIN_VALUE, Long.MAX_VALUE, null, null, false,
                10_000))).isEqualTo(kept);
        assertThat(events.get(lg.id(), kept.get(0).timestamp(), kept.get(0).id())).contains(kept.get(0));
    }

    @Test
    void tagsThroughBothApis() {
        logs.createLogGroup(ctx(), CreateLogGroupRequest.builder().logGroupName(g).tags(Map.of("team", "core")).build());
        String arn = "arn:aws:logs:us-east-1:123456789012:log-group:" + g;
        logs.tagResource(ctx(), TagResourceRequest.builder().resourceArn(arn).tags(Map.of("env", "dev")).build());
        logs.tagLogGroup(ctx(), TagLogGroupRequest.builder().logGroupName(g).tags(Map.of("team", "platform")).build());
        assertThat(logs.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceArn(arn).build()).tags())
                .isEqualTo(Map.of("env", "dev", "team", "platform"));
        logs.untagResource(ctx(), UntagResourceRequest.builder().resourceArn(arn).tagKeys("env").build());
        assertThat(logs.listTagsLogGroup(ctx(), ListTagsLogGroupRequest.builder().logGroupName(g).build()).tags())
                .isEqualTo(Map.of("team", "platform"));
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) many.put("k" + i, "v");
        assertThatThrownBy(() -> logs.tagResource(ctx(), TagResourceRequest.builder().resourceArn(arn).tags(many).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("TooManyTagsException"));
        assertAws(() -> logs.tagResource(ctx(), TagResourceRequest.builder().resourceArn(arn)
                .tags(Map.of("aws:x", "y")).build()), "InvalidParameterException", "aws:");
        assertAws(() -> logs.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceArn(arn + "x")
                .build()), "ResourceNotFoundException", "does not exist");
        logs.deleteLogGroup(ctx(), DeleteLogGroupRequest.builder().logGroupName(g).build());
        group(g);
        assertThat(logs.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceArn(arn).build()).tags())
                .isEmpty();
    }

    @Test
    void resourcePoliciesAreStoredLimitedAndServedToThePolicyEngine() {
        String account = String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L));
        RequestContext c = ctx(account);
        logs.createLogGroup(c, CreateLogGroupRequest.builder().logGroupName(g).build());
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"route53.amazonaws.com\"},\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}";
        var put = logs.putResourcePolicy(c, PutResourcePolicyRequest.builder().policyName("p0").policyDocument(doc).build());
        assertThat(put.resourcePolicy().policyScopeAsString()).isEqualTo("ACCOUNT");
        assertThat(put.resourcePolicy().lastUpdatedTime()).isEqualTo(START.toEpochMilli());
        String groupArn = "arn:aws:logs:us-east-1:" + account + ":log-group:" + g;
        String groupDoc = doc.replace("route53", "delivery.logs");
        logs.putResourcePolicy(c, PutResourcePolicyRequest.builder().policyName("g").policyDocument(groupDoc)
                .resourceArn(groupArn).build());
        var source = logs.resourcePolicies();
        assertThat(source.policyFor(groupArn + ":log-stream:s")).get().asString()
                .contains("route53.amazonaws.com").contains("delivery.logs.amazonaws.com");
        assertThat(source.policyFor("arn:aws:logs:us-east-1:" + account + ":log-group:other")).get().asString()
                .contains("route53.amazonaws.com").doesNotContain("delivery.logs");
        assertThat(source.policyFor("arn:aws:logs:us-east-1:999999999999:log-group:other")).isEmpty();
        for (int i = 1; i < 10; i++) {
            logs.putResourcePolicy(c, PutResourcePolicyRequest.builder().policyName("p" + i).policyDocument(doc).build());
        }
        assertAws(() -> logs.putResourcePolicy(c, PutResourcePolicyRequest.builder().policyName("p10").policyDocument(doc)
                .build()), "LimitExceededException", "Resource limit exceeded.");
        logs.putResourcePolicy(c, PutResourcePolicyRequest.builder().policyName("p9").policyDocument(doc).build());
        assertAws(() -> logs.putResourcePolicy(c, PutResourcePolicyRequest.builder().policyName("bad").policyDocument("{")
                .build()), "InvalidParameterException", "");
        var described = logs.describeResourcePolicies(c, DescribeResourcePoliciesRequest.builder().limit(4).build());
        assertThat(described.resourcePolicies()).hasSize(4);
        assertThat(described.nextToken()).isNotNull();
        assertThat(logs.describeResourcePolicies(c, DescribeResourcePoliciesRequest.builder().resourceArn(groupArn).build())
                .resourcePolicies()).extracting(p -> p.policyName()).containsExactly("g");
        logs.deleteResourcePolicy(c, DeleteResourcePolicyRequest.builder().policyName("p0").build());
        assertAws(() -> logs.deleteResourcePolicy(c, DeleteResourcePolicyRequest.builder().policyName("p0").build()),
                "ResourceNotFoundException", "p0");
        assertThat(logs.describeResourcePolicies(c, DescribeResourcePoliciesRequest.builder().build()).resourcePolicies())
                .hasSize(10);
    }

    @Test
    void metricFiltersEmitDatapointsAtIngest() {
        group(g);
        stream(g, "s");
        logs.putMetricFilter(ctx(), PutMetricFilterRequest.builder().logGroupName(g).filterName("latency")
                .filterPattern("{ $.latency = * }").metricTransformations(MetricTransformation.builder()
                        .metricName("Latency").metricNamespace("App").metricValue("$.latency").unit("Milliseconds")
                        .dimensions(Map.of("Service", "$.service")).build()).build());
        logs.putMetricFilter(ctx(), PutMetricFilterRequest.builder().logGroupName(g).filterName("errors")
                .filterPattern("ERROR").metricTransformations(MetricTransformation.builder()
                        .metricName("Errors").metricNamespace("App").metricValue("1").defaultValue(0.0).build()).build());
        long now = START.toEpochMilli();
        put(g, "s", ev(now - 2000, "{\"service\":\"api\",\"latency\":120}"),
                ev(now - 1000, "{\"service\":\"web\",\"latency\":80,\"level\":\"ERROR\"}"),
                ev(now, "plain ERROR line"));
        assertThat(points).filteredOn(p -> p.name().equals("Latency")).containsExactlyInAnyOrder(
                new Point("App", "Latency", Map.of("Service", "api"), Instant.ofEpochMilli(now - 2000), 120, "Milliseconds"),
                new Point("App", "Latency", Map.of("Service", "web"), Instant.ofEpochMilli(now - 1000), 80, "Milliseconds"));
        assertThat(points).filteredOn(p -> p.name().equals("Errors")).extracting(Point::value)
                .containsExactlyInAnyOrder(0.0, 1.0, 1.0);
        assertThat(logs.describeMetricFilters(ctx(), DescribeMetricFiltersRequest.builder().logGroupName(g).build())
                .metricFilters()).extracting(f -> f.filterName()).containsExactly("errors", "latency");
        assertThat(logs.describeMetricFilters(ctx(), DescribeMetricFiltersRequest.builder().metricName("Latency")
                .metricNamespace("App").build()).metricFilters()).extracting(f -> f.logGroupName()).contains(g);
        assertThat(logs.describeLogGroups(ctx(), DescribeLogGroupsRequest.builder().logGroupNamePrefix(g).build())
                .logGroups().get(0).metricFilterCount()).isEqualTo(2);
        logs.deleteMetricFilter(ctx(), DeleteMetricFilterRequest.builder().logGroupName(g).filterName("errors").build());
        assertAws(() -> logs.deleteMetricFilter(ctx(), DeleteMetricFilterRequest.builder().logGroupName(g)
                .filterName("errors").build()), "ResourceNotFoundException", "metric filter");
        points.clear();
        put(g, "s", ev(now, "another ERROR"));
        assertThat(points).isEmpty();
        assertAws(() -> logs.putMetricFilter(ctx(), PutMetricFilterRequest.builder().logGroupName(g).filterName("bad")
                .filterPattern("{ $.x = ").metricTransformations(MetricTransformation.builder().metricName("M")
                        .metricNamespace("N").metricValue("1").build()).build()), "InvalidParameterException", "");
        assertAws(() -> logs.putMetricFilter(ctx(), PutMetricFilterRequest.builder().logGroupName(g).filterName("bad")
                .filterPattern("x").metricTransformations(MetricTransformation.builder().metricName("M")
                        .metricNamespace("N").metricValue("one").build()).build()), "InvalidParameterException",
                "Invalid metric value");
        for (int i = 1; i < 100; i++) {
            logs.putMetricFilter(ctx(), PutMetricFilterRequest.builder().logGroupName(g).filterName("f" + i)
                    .filterPattern("x").metricTransformations(MetricTransformation.builder().metricName("M")
                            .metricNamespace("N").metricValue("1").build()).build());
        }
        assertAws(() -> logs.putMetricFilter(ctx(), PutMetricFilterRequest.builder().logGroupName(g).filterName("f100")
                .filterPattern("x").metricTransformations(MetricTransformation.builder().metricName("M")
                        .metricNamespace("N").metricValue("1").build()).build()), "LimitExceededException", "");
    }

    @Test
    void testMetricFilterReportsMatchesWithTheirValues() {
        var r = logs.testMetricFilter(ctx(), TestMetricFilterRequest.builder()
                .filterPattern("[ip, user, username, timestamp, request, status_code = 4*, bytes]")
                .logEventMessages("127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /x HTTP/1.0\" 404 1534",
                        "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /y HTTP/1.0\" 200 2326")
                .build());
        assertThat(r.matches()).hasSize(1);
        assertThat(r.matches().get(0).eventNumber()).isEqualTo(1);
        assertThat(r.matches().get(0).extractedValues()).containsEntry("$status_code", "404");
    }

    @Test
    void insightsQueriesRunAsynchronouslyToCompletion() throws Exception {
        group(g);
        stream(g, "s1");
        stream(g, "s2");
        long now = START.toEpochMilli();
        put(g, "s1", ev(now - 600_000, "{\"status\":200,\"path\":\"/a\"}"), ev(now - 500_000, "{\"status\":500,\"path\":\"/b\"}"));
        put(g, "s2", ev(now - 400_000, "{\"status\":200,\"path\":\"/c\"}"));
        long startSec = (now - 3_600_000) / 1000;
        long endSec = now / 1000;
        String id = logs.startQuery(ctx(), StartQueryRequest.builder().logGroupName(g).startTime(startSec).endTime(endSec)
                .queryString("stats count(*) as n by status | sort status").build()).queryId();
        GetQueryResultsResponse r = await(id);
        assertThat(r.statusAsString()).isEqualTo("Complete");
        assertThat(r.results()).hasSize(2);
        assertThat(r.results().get(0)).contains(ResultField.builder().field("status").value("200").build(),
                ResultField.builder().field("n").value("2").build());
        assertThat(r.statistics().recordsScanned()).isEqualTo(3.0);
        assertThat(r.statistics().bytesScanned()).isPositive();

        String byArn = logs.startQuery(ctx(), StartQueryRequest.builder()
                .logGroupIdentifiers("arn:aws:logs:us-east-1:123456789012:log-group:" + g).startTime(startSec)
                .endTime(endSec).queryString("fields @timestamp, @message, @logStream, @ptr | filter status = 500").build())
                .queryId();
        GetQueryResultsResponse rows = await(byArn);
        assertThat(rows.results()).hasSize(1);
        String ptr = rows.results().get(0).stream().filter(f -> f.field().equals("@ptr")).findFirst().orElseThrow().value();
        Map<String, String> record = logs.getLogRecord(ctx(), GetLogRecordRequest.builder().logRecordPointer(ptr).build())
                .logRecord();
        assertThat(record).containsEntry("@logStream", "s1").containsEntry("@log", ACCOUNT + ":" + g)
                .containsEntry("@timestamp", Long.toString(now - 500_000)).containsEntry("path", "/b");
        assertAws(() -> logs.getLogRecord(ctx("210987654321"), GetLogRecordRequest.builder().logRecordPointer(ptr).build()),
                "ResourceNotFoundException", "");

        String newest = logs.startQuery(ctx(), StartQueryRequest.builder().logGroupName(g).startTime(startSec)
                .endTime(endSec).queryString("fields path | limit 2").build()).queryId();
        assertThat(await(newest).results()).extracting(row -> row.stream().filter(f -> f.field().equals("path"))
                .findFirst().orElseThrow().value()).containsExactly("/c", "/b");
        assertThat(logs.describeQueries(ctx(), DescribeQueriesRequest.builder().logGroupName(g).build()).queries())
                .extracting(q -> q.queryId()).contains(id, byArn);
        assertThat(logs.stopQuery(ctx(), StopQueryRequest.builder().queryId(id).build()).success()).isFalse();
        assertAws(() -> logs.startQuery(ctx(), StartQueryRequest.builder().logGroupName(g).startTime(startSec)
                .endTime(endSec).queryString("stats count(* by").build()), "MalformedQueryException", "");
        assertAws(() -> logs.startQuery(ctx(), StartQueryRequest.builder().logGroupName(g + "x").startTime(startSec)
                .endTime(endSec).queryString("fields @message").build()), "ResourceNotFoundException", "");
        assertAws(() -> logs.getQueryResults(ctx(), GetQueryResultsRequest.builder().queryId("nope").build()),
                "ResourceNotFoundException", "");

        List<LogGroupField> fields = logs.getLogGroupFields(ctx(), GetLogGroupFieldsRequest.builder().logGroupName(g)
                .time(now / 1000 - 500).build()).logGroupFields();
        assertThat(fields).contains(LogGroupField.builder().name("status").percent(100).build(),
                LogGroupField.builder().name("@message").percent(100).build());
    }

    /** SOURCE logGroups(...) picks the groups by name prefix and class when StartQuery names none. */
    @Test
    void insightsSourceSelectsGroupsByPrefixAndClass() throws Exception {
        String root = g + "/";
        for (String name : List.of("app/a", "app/b", "other")) {
            group(root + name);
            stream(root + name, "s");
        }
        logs.createLogGroup(ctx(), CreateLogGroupRequest.builder().logGroupName(root + "app/ia")
                .logGroupClass("INFREQUENT_ACCESS").build());
        stream(root + "app/ia", "s");
        long now = START.toEpochMilli();
        for (String name : List.of("app/a", "app/b", "other", "app/ia")) put(root + name, "s", ev(now - 1000, "hello"));
        long startSec = (now - 3_600_000) / 1000;
        long endSec = now / 1000;
        String standard = logs.startQuery(ctx(), StartQueryRequest.builder().startTime(startSec).endTime(endSec)
                .queryString("SOURCE logGroups(namePrefix: ['" + root + "app/', '" + root + "nothing']) "
                        + "| stats count(*) as n by @log | sort @log").build()).queryId();
        assertThat(await(standard).results()).extracting(row -> row.get(0).value())
                .containsExactly(ACCOUNT + ":" + root + "app/a", ACCOUNT + ":" + root + "app/b");
        String infrequent = logs.startQuery(ctx(), StartQueryRequest.builder().startTime(startSec).endTime(endSec)
                .queryString("source logGroups(class: ['INFREQUENT_ACCESS'], namePrefix: [\"" + root + "\"])"
                        + " | stats count(*) by @log").build()).queryId();
        assertThat(await(infrequent).results()).extracting(row -> row.get(0).value())
                .containsExactly(ACCOUNT + ":" + root + "app/ia");
        String otherAccount = logs.startQuery(ctx(), StartQueryRequest.builder().startTime(startSec).endTime(endSec)
                .queryString("SOURCE logGroups(namePrefix: ['" + root + "'], accountIdentifiers: ['210987654321'])"
                        + " | fields @message").build()).queryId();
        assertThat(await(otherAccount).statusAsString()).isEqualTo("Complete");
        assertThat(await(otherAccount).results()).isEmpty(); // no cross-account observability: no linked accounts

        assertAws(() -> logs.startQuery(ctx(), StartQueryRequest.builder().logGroupName(root + "other")
                .startTime(startSec).endTime(endSec).queryString("SOURCE logGroups() | fields @message").build()),
                "InvalidParameterException", "");
        assertAws(() -> logs.startQuery(ctx(), StartQueryRequest.builder().startTime(startSec).endTime(endSec)
                .queryString("fields @message").build()), "InvalidParameterException", "");
        assertAws(() -> logs.startQuery(ctx(), StartQueryRequest.builder().startTime(startSec).endTime(endSec)
                .queryString("SOURCE logGroups(class: ['COLD']) | fields @message").build()), "MalformedQueryException", "");
        assertAws(() -> logs.startQuery(ctx(), StartQueryRequest.builder().startTime(startSec).endTime(endSec)
                .queryString("SOURCE logGroups(namePrefix: ['a','b','c','d','e','f'])").build()), "MalformedQueryException", "");
    }

    /**
     * Executions live in the store: another node (a second provider on the same store) reads a finished query's
     * rows, lists it, and answers for executions whose node stopped beating (Failed) or that still run there
     * (StopQuery reaches them through their heartbeat). 10,000 rows (AWS's most) come back whole.
     */
    @Test
    void insightsExecutionsAreSharedThroughTheStore() throws Exception {
        group(g);
        stream(g, "s");
        long now = START.toEpochMilli();
        InputLogEvent[] many = new InputLogEvent[10_000];
        for (int i = 0; i < many.length; i++) many[i] = ev(now - 100_000 + i, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}");
        put(g, "s", many);
        long startSec = (now - 3_600_000) / 1000;
        String id = logs.startQuery(ctx(), StartQueryRequest.builder().logGroupName(g).startTime(startSec)
                .endTime(now / 1000).queryString("fields n | sort n desc").limit(10_000).build()).queryId();
        GetQueryResultsResponse here = await(id);
        assertThat(here.statusAsString()).isEqualTo("Complete");
        assertThat(here.results()).hasSize(10_000);

        JdbcQueryStore queryStore = new JdbcQueryStore(db);
        LogsProvider other = new LogsProvider(groups, events, config, queryStore,
                new Interconnect(new DeliveryFailures(clock)), clock, 1);
        try {
            GetQueryResultsResponse there = other.getQueryResults(ctx(), GetQueryResultsRequest.builder().queryId(id).build());
            assertThat(there.statusAsString()).isEqualTo("Complete");
            assertThat(there.results()).isEqualTo(here.results());
            assertThat(there.statistics()).isEqualTo(here.statistics());
            assertThat(other.describeQueries(ctx(), DescribeQueriesRequest.builder().logGroupName(g).build()).queries())
                    .extracting(q -> q.queryId() + " " + q.statusAsString()).containsExactly(id + " Complete");
            assertAws(() -> other.getQueryResults(ctx("210987654321"), GetQueryResultsRequest.builder().queryId(id).build()),
                    "ResourceNotFoundException", "");

            // An execution a node is running (its heartbeat is fresh): StopQuery from here reaches it.
            long t = clock.millis();
            queryStore.insert(new QueryStore.StoredQuery("running-elsewhere", ACCOUNT, REGION, "fields @message",
                    List.of(g), t, "Running", t, false, null, null));
            assertThat(other.getQueryResults(ctx(), GetQueryResultsRequest.builder().queryId("running-elsewhere").build())
                    .statusAsString()).isEqualTo("Running");
            assertThat(other.stopQuery(ctx(), StopQueryRequest.builder().queryId("running-elsewhere").build()).success())
                    .isTrue();
            assertThat(queryStore.heartbeat(List.of("running-elsewhere"), t)).containsExactly("running-elsewhere");

            // Its node stops beating: a minute later it has failed, for every node.
            clock.advance(java.time.Duration.ofSeconds(61));
            assertThat(other.getQueryResults(ctx(), GetQueryResultsRequest.builder().queryId("running-elsewhere").build())
                    .statusAsString()).isEqualTo("Failed");
            assertThat(logs.describeQueries(ctx(), DescribeQueriesRequest.builder().status("Failed").build()).queries())
                    .extracting(q -> q.queryId()).contains("running-elsewhere");
            assertThat(other.stopQuery(ctx(), StopQueryRequest.builder().queryId(id).build()).success()).isFalse();

            // Kept 7 days after they finish.
            clock.advance(java.time.Duration.ofDays(7).plusMinutes(2));
            other.startQuery(ctx(), StartQueryRequest.builder().logGroupName(g).startTime(startSec)
                    .endTime(now / 1000).queryString("fields n | limit 1").build());
            assertAws(() -> other.getQueryResults(ctx(), GetQueryResultsRequest.builder().queryId(id).build()),
                    "ResourceNotFoundException", "");
        } finally {
            other.close();
        }
    }

    private GetQueryResultsResponse await(String id) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            GetQueryResultsResponse r = logs.getQueryResults(ctx(), GetQueryResultsRequest.builder().queryId(id).build());
            if (!r.statusAsString().equals("Scheduled") && !r.statusAsString().equals("Running")) return r;
            Thread.sleep(10);
        }
        throw new AssertionError("query " + id + " did not finish");
    }

    @Test
    void queryDefinitionsAreSavedUpdatedAndDeleted() {
        String name = "def-" + UUID.randomUUID();
        String id = logs.putQueryDefinition(ctx(), PutQueryDefinitionRequest.builder().name(name)
                .queryString("fields @message").logGroupNames(g).build()).queryDefinitionId();
        logs.putQueryDefinition(ctx(), PutQueryDefinitionRequest.builder().name(name).queryDefinitionId(id)
                .queryString("fields @timestamp").build());
        var defs = logs.describeQueryDefinitions(ctx(), DescribeQueryDefinitionsRequest.builder()
                .queryDefinitionNamePrefix(name).build()).queryDefinitions();
        assertThat(defs).hasSize(1);
        assertThat(defs.get(0).queryString()).isEqualTo("fields @timestamp");
        assertAws(() -> logs.putQueryDefinition(ctx(), PutQueryDefinitionRequest.builder().name(name)
                .queryDefinitionId("nope").queryString("x").build()), "ResourceNotFoundException", "");
        assertThat(logs.deleteQueryDefinition(ctx(), DeleteQueryDefinitionRequest.builder().queryDefinitionId(id).build())
                .success()).isTrue();
        assertThat(logs.describeQueryDefinitions(ctx(), DescribeQueryDefinitionsRequest.builder()
                .queryDefinitionNamePrefix(name).build()).queryDefinitions()).isEmpty();
    }

    @Test
    void deletingAGroupDeletesItsEventsAndARecreatedGroupStartsEmpty() {
        group(g);
        stream(g, "s");
        put(g, "s", ev(START.toEpochMilli(), "before"));
        logs.deleteLogGroup(ctx(), DeleteLogGroupRequest.builder().logGroupName(g).build());
        group(g);
        stream(g, "s");
        assertThat(read(g, "s", true)).isEmpty();
        assertThat(filter(FilterLogEventsRequest.builder().logGroupName(g)).events()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
    }
}
