package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/** CloudWatch Logs through the SDK v2 client (awsJson1_1): every slice against a real server. */
class LogsIT {
    static VigilTestServer vigil;
    static CloudWatchLogsClient logs;
    static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        logs = vigil.client(CloudWatchLogsClient.builder());
        cw = vigil.client(CloudWatchClient.builder());
    }

    @AfterAll
    static void stop() {
        logs.close();
        cw.close();
        vigil.close();
    }

    static String name() {
        return "/it/" + UUID.randomUUID();
    }

    static InputLogEvent ev(long ts, String message) {
        return InputLogEvent.builder().timestamp(ts).message(message).build();
    }

    @Test
    void groupsStreamsRetentionAndTags() {
        String g = name();
        logs.createLogGroup(r -> r.logGroupName(g).tags(Map.of("team", "core")).logGroupClass("STANDARD"));
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName(g)))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group already exists");
                });
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("bad name!")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage())
                        .contains("1 validation error detected").contains("logGroupName"));
        logs.putRetentionPolicy(r -> r.logGroupName(g).retentionInDays(30));
        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName(g).retentionInDays(31)))
                .isInstanceOf(InvalidParameterException.class);
        LogGroup described = logs.describeLogGroups(r -> r.logGroupNamePrefix(g)).logGroups().get(0);
        assertThat(described.retentionInDays()).isEqualTo(30);
        assertThat(described.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + g + ":*");

        logs.createLogStream(r -> r.logGroupName(g).logStreamName("one"));
        logs.createLogStream(r -> r.logGroupName(g).logStreamName("two"));
        long now = Instant.now().toEpochMilli();
        logs.putLogEvents(r -> r.logGroupName(g).logStreamName("two").logEvents(ev(now, "hello")));
        List<LogStream> streams = logs.describeLogStreams(r -> r.logGroupName(g).orderBy("LastEventTime")
                .descending(true)).logStreams();
        assertThat(streams).extracting(LogStream::logStreamName).containsExactly("two", "one");
        assertThat(streams.get(0).lastEventTimestamp()).isEqualTo(now);

        String arn = described.logGroupArn();
        logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("env", "dev")));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEqualTo(Map.of("env", "dev", "team", "core"));
        logs.untagLogGroup(r -> r.logGroupName(g).tags("team"));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName(g)).tags()).isEqualTo(Map.of("env", "dev"));

        logs.deleteLogStream(r -> r.logGroupName(g).logStreamName("one"));
        logs.deleteLogGroup(r -> r.logGroupName(g));
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName(g)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist."));
    }

    @Test
    void putGetAndFilterLogEvents() {
        String g = name();
        logs.createLogGroup(r -> r.logGroupName(g));
        logs.createLogStream(r -> r.logGroupName(g).logStreamName("app"));
        logs.createLogStream(r -> r.logGroupName(g).logStreamName("db"));
        long now = Instant.now().toEpochMilli();
        InputLogEvent[] batch = IntStream.range(0, 100).mapToObj(i -> ev(now - 100_000 + i * 1000L,
                i % 10 == 0 ? "{\"level\":\"ERROR\",\"n\":" + i + "}" : "INFO request " + i)).toArray(InputLogEvent[]::new);
        PutLogEventsResponse put = logs.putLogEvents(r -> r.logGroupName(g).logStreamName("app").logEvents(batch));
        assertThat(put.rejectedLogEventsInfo()).isNull();
        logs.putLogEvents(r -> r.logGroupName(g).logStreamName("db").logEvents(ev(now - 50_500, "db ERROR deadlock")));

        PutLogEventsResponse rejected = logs.putLogEvents(r -> r.logGroupName(g).logStreamName("db")
                .logEvents(ev(now - 15L * 86_400_000, "ancient"), ev(now - 15L * 86_400_000 + 1, "ancient too")));
        assertThat(rejected.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(g).logStreamName("db")
                .logEvents(ev(now, "b"), ev(now - 1, "a"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Log events in a single PutLogEvents request must be in chronological order."));

        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(g).logStreamName("db").logEvents(ev(now, ""))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("1 validation error detected: Value '' at 'logEvents.1.member.message' failed to"
                                + " satisfy constraint: Member must have length greater than or equal to 1"));
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(g).logStreamName("db").logEvents(IntStream
                .range(0, 10_001).mapToObj(i -> ev(now, "x")).toArray(InputLogEvent[]::new))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'logEvents'").contains("Member must have length less than or equal to 10000"));
        assertThat(logs.getLogEvents(r -> r.logGroupName(g).logStreamName("db")).events()).hasSize(1);
        GetLogEventsResponse head = logs.getLogEvents(r -> r.logGroupName(g).logStreamName("app").startFromHead(true)
                .limit(60));
        assertThat(head.events()).hasSize(60);
        assertThat(head.events().get(0).message()).contains("\"n\":0");
        GetLogEventsResponse rest = logs.getLogEvents(r -> r.logGroupName(g).logStreamName("app")
                .nextToken(head.nextForwardToken()));
        assertThat(rest.events()).hasSize(40);
        GetLogEventsResponse end = logs.getLogEvents(r -> r.logGroupName(g).logStreamName("app")
                .nextToken(rest.nextForwardToken()));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(rest.nextForwardToken());
        GetLogEventsResponse latest = logs.getLogEvents(r -> r.logGroupName(g).logStreamName("app").limit(3));
        assertThat(latest.events()).extracting(OutputLogEvent::message)
                .containsExactly("INFO request 97", "INFO request 98", "INFO request 99");

        List<FilteredLogEvent> errors = logs.filterLogEvents(r -> r.logGroupName(g).filterPattern("ERROR")).events();
        assertThat(errors).hasSize(11);
        assertThat(errors.get(5).logStreamName()).isEqualTo("db");
        assertThat(logs.filterLogEvents(r -> r.logGroupIdentifier("arn:aws:logs:us-east-1:000000000000:log-group:" + g)
                .filterPattern("{ $.n >= 50 }").logStreamNames("app")).events()).hasSize(5);
        assertThat(logs.filterLogEventsPaginator(r -> r.logGroupName(g).limit(7)).events().stream().count()).isEqualTo(101);
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName(g).filterPattern("{ $.n >= ")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void metricFilterWithLatencyValueAndDimensionProducesCloudWatchStatistics() {
        String g = name();
        String ns = "It/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(g));
        logs.createLogStream(r -> r.logGroupName(g).logStreamName("s"));
        logs.putMetricFilter(r -> r.logGroupName(g).filterName("latency").filterPattern("{ $.latency > 0 }")
                .metricTransformations(t -> t.metricName("Latency").metricNamespace(ns).metricValue("$.latency")
                        .unit("Milliseconds").dimensions(Map.of("Service", "$.service"))));
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
        long t = minute.toEpochMilli();
        logs.putLogEvents(r -> r.logGroupName(g).logStreamName("s").logEvents(
                ev(t + 1000, "{\"service\":\"api\",\"latency\":100}"),
                ev(t + 2000, "{\"service\":\"api\",\"latency\":300}"),
                ev(t + 3000, "{\"service\":\"web\",\"latency\":50}"),
                ev(t + 4000, "{\"service\":\"api\",\"latency\":200}"),
                ev(t + 5000, "{\"service\":\"api\",\"status\":\"no latency\"}")));
        assertThat(logs.describeMetricFilters(r -> r.logGroupName(g)).metricFilters()).hasSize(1);
        List<Datapoint> points = cw.getMetricStatistics(r -> r.namespace(ns).metricName("Latency")
                .dimensions(d -> d.name("Service").value("api")).startTime(minute).endTime(minute.plusSeconds(60))
                .period(60).statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM,
                        Statistic.MAXIMUM)).datapoints();
        assertThat(points).hasSize(1);
        Datapoint p = points.get(0);
        assertThat(p.sampleCount()).isEqualTo(3.0);
        assertThat(p.sum()).isEqualTo(600.0);
        assertThat(p.average()).isEqualTo(200.0);
        assertThat(p.minimum()).isEqualTo(100.0);
        assertThat(p.maximum()).isEqualTo(300.0);
        assertThat(p.unitAsString()).isEqualTo("Milliseconds");

        var test = logs.testMetricFilter(r -> r.filterPattern("{ $.latency > 150 }")
                .logEventMessages("{\"latency\":100}", "{\"latency\":300}"));
        assertThat(test.matches()).extracting(m -> m.eventNumber()).containsExactly(2L);
        logs.deleteMetricFilter(r -> r.logGroupName(g).filterName("latency"));
        assertThat(logs.describeMetricFilters(r -> r.logGroupName(g)).metricFilters()).isEmpty();
    }

    @Test
    void insightsQueriesAndDefinitions() throws Exception {
        String g = name();
        logs.createLogGroup(r -> r.logGroupName(g));
        logs.createLogStream(r -> r.logGroupName(g).logStreamName("s"));
        long now = Instant.now().toEpochMilli();
        logs.putLogEvents(r -> r.logGroupName(g).logStreamName("s").logEvents(IntStream.range(0, 20)
                .mapToObj(i -> ev(now - 60_000 + i, "{\"status\":" + (i % 4 == 0 ? 500 : 200) + ",\"ms\":" + i + "}"))
                .toArray(InputLogEvent[]::new)));
        long start = now / 1000 - 3600;
        long end = now / 1000 + 1;
        String id = logs.startQuery(r -> r.logGroupNames(g).startTime(start).endTime(end)
                .queryString("filter status = 500 | stats count(*) as errors, max(ms) as worst")).queryId();
        GetQueryResultsResponse result = await(id);
        assertThat(result.statusAsString()).isEqualTo("Complete");
        assertThat(result.results()).hasSize(1);
        assertThat(result.results().get(0)).contains(ResultField.builder().field("errors").value("5").build(),
                ResultField.builder().field("worst").value("16").build());
        assertThat(result.statistics().recordsScanned()).isEqualTo(20.0);
        assertThat(result.statistics().recordsMatched()).isEqualTo(5.0);

        String rowsId = logs.startQuery(r -> r.logGroupName(g).startTime(start).endTime(end).limit(3)
                .queryString("fields @timestamp, @message | sort @timestamp desc")).queryId();
        GetQueryResultsResponse rows = await(rowsId);
        assertThat(rows.results()).hasSize(3);
        String ptr = rows.results().get(0).stream().filter(f -> f.field().equals("@ptr")).findFirst().orElseThrow().value();
        assertThat(logs.getLogRecord(r -> r.logRecordPointer(ptr)).logRecord()).containsEntry("ms", "19");
        assertThat(logs.getLogGroupFields(r -> r.logGroupName(g)).logGroupFields())
                .anySatisfy(f -> assertThat(f.name()).isEqualTo("status"));
        assertThat(logs.describeQueries(r -> r.logGroupName(g)).queries()).hasSize(2);
        assertThatThrownBy(() -> logs.startQuery(r -> r.logGroupName(g).startTime(start).endTime(end)
                .queryString("stats count(")))
                .isInstanceOf(MalformedQueryException.class);

        String def = logs.putQueryDefinition(r -> r.name("it-" + UUID.randomUUID()).queryString("fields @message")
                .logGroupNames(g)).queryDefinitionId();
        assertThat(logs.describeQueryDefinitions(r -> r.maxResults(1000)).queryDefinitions())
                .anySatisfy(d -> assertThat(d.queryDefinitionId()).isEqualTo(def));
        assertThat(logs.deleteQueryDefinition(r -> r.queryDefinitionId(def)).success()).isTrue();
    }

    /** StartQuery with no log group parameter: the query's SOURCE command picks the groups by name prefix. */
    @Test
    void insightsSourceCommandSelectsGroupsByPrefix() throws Exception {
        String root = name();
        long now = Instant.now().toEpochMilli();
        for (String g : List.of(root + "/api", root + "/web", root + "-other")) {
            logs.createLogGroup(r -> r.logGroupName(g));
            logs.createLogStream(r -> r.logGroupName(g).logStreamName("s"));
            logs.putLogEvents(r -> r.logGroupName(g).logStreamName("s").logEvents(ev(now - 1000, "hit " + g)));
        }
        String id = logs.startQuery(r -> r.startTime(now / 1000 - 3600).endTime(now / 1000 + 1)
                .queryString("SOURCE logGroups(namePrefix: ['" + root + "/']) | fields @message | sort @message")).queryId();
        assertThat(await(id).results()).extracting(row -> row.stream().filter(f -> f.field().equals("@message"))
                .findFirst().orElseThrow().value()).containsExactly("hit " + root + "/api", "hit " + root + "/web");
        assertThatThrownBy(() -> logs.startQuery(r -> r.startTime(now / 1000 - 3600).endTime(now / 1000)
                .queryString("fields @message"))).isInstanceOf(InvalidParameterException.class);
    }

    static GetQueryResultsResponse await(String id) throws InterruptedException {
        return awaitWith(logs, id);
    }

    static GetQueryResultsResponse awaitWith(CloudWatchLogsClient client, String id) {
        for (int i = 0; i < 300; i++) {
            GetQueryResultsResponse r = client.getQueryResults(q -> q.queryId(id));
            if (!List.of("Scheduled", "Running").contains(r.statusAsString())) return r;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("query did not finish");
    }

    @Test
    void resourcePolicies() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Route53\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"route53.amazonaws.com\"},\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":\"arn:aws:logs:us-east-1:000000000000:log-group:/aws/route53/*\"}]}";
        String name = "it-" + UUID.randomUUID();
        var put = logs.putResourcePolicy(r -> r.policyName(name).policyDocument(doc));
        assertThat(put.resourcePolicy().policyName()).isEqualTo(name);
        assertThat(logs.describeResourcePolicies(r -> r.limit(50)).resourcePolicies())
                .anySatisfy(p -> assertThat(p.policyName()).isEqualTo(name));
        assertThat(vigil.server().interconnect().resourcePolicy("arn:aws:logs:us-east-1:000000000000:log-group:/aws/route53/x"))
                .get().asString().contains("route53.amazonaws.com");
        logs.deleteResourcePolicy(r -> r.policyName(name));
        assertThatThrownBy(() -> logs.deleteResourcePolicy(r -> r.policyName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.putResourcePolicy(r -> r.policyName(name).policyDocument("not json")))
                .isInstanceOf(CloudWatchLogsException.class);
    }
}
