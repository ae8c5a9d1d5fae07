package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.VigilTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import dev.vigil.server.VigilConfig;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * Acknowledged PutLogEvents survive a restart, on the embedded H2 files and on PostgreSQL; read tokens stay valid,
 * and so do the results of Insights queries.
 */
class LogsDurabilityIT {

    @Test
    void eventsSurviveARestartOnH2() throws Exception {
        Path dir = Files.createTempDirectory("vigil-logs-durable");
        try {
            story(c -> c.withDataDir(dir));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void eventsSurviveARestartOnPostgres() {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
        story(c -> c.withStore(url));
    }

    private static void story(UnaryOperator<VigilConfig> config) {
        long now = Instant.now().toEpochMilli();
        String forward;
        String queryId;
        try (VigilTestServer vigil = VigilTestServer.start(config);
             CloudWatchLogsClient logs = vigil.client(CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/durable"));
            logs.createLogStream(r -> r.logGroupName("/durable").logStreamName("s"));
            logs.putRetentionPolicy(r -> r.logGroupName("/durable").retentionInDays(14));
            logs.putLogEvents(r -> r.logGroupName("/durable").logStreamName("s").logEvents(IntStream.range(0, 100)
                    .mapToObj(i -> InputLogEvent.builder().timestamp(now - 1000 + i).message("event " + i).build())
                    .toArray(InputLogEvent[]::new)));
            GetLogEventsResponse head = logs.getLogEvents(r -> r.logGroupName("/durable").logStreamName("s")
                    .startFromHead(true).limit(60));
            assertThat(head.events()).hasSize(60);
            forward = head.nextForwardToken();
            queryId = logs.startQuery(r -> r.logGroupName("/durable").startTime(now / 1000 - 60).endTime(now / 1000 + 1)
                    .queryString("stats count(*) as n")).queryId();
            assertThat(LogsIT.awaitWith(logs, queryId).results().get(0).get(0).value()).isEqualTo("100");
        }
        try (VigilTestServer vigil = VigilTestServer.start(config);
             CloudWatchLogsClient logs = vigil.client(CloudWatchLogsClient.builder())) {
            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/durable")).logGroups().get(0).retentionInDays())
                    .isEqualTo(14);
            // Insights executions are kept in the store: their results outlive the node that ran them.
            String id = queryId;
            GetQueryResultsResponse kept = logs.getQueryResults(r -> r.queryId(id));
            assertThat(kept.statusAsString()).isEqualTo("Complete");
            assertThat(kept.results().get(0).get(0).value()).isEqualTo("100");
            assertThat(logs.describeQueries(r -> r.logGroupName("/durable")).queries())
                    .extracting(q -> q.queryId()).containsExactly(id);
            String token = forward;
            GetLogEventsResponse rest = logs.getLogEvents(r -> r.logGroupName("/durable").logStreamName("s")
                    .nextToken(token));
            assertThat(rest.events()).extracting(OutputLogEvent::message).first().isEqualTo("event 60");
            assertThat(rest.events()).hasSize(40);
            logs.putLogEvents(r -> r.logGroupName("/durable").logStreamName("s")
                    .logEvents(InputLogEvent.builder().timestamp(now).message("after restart").build()));
            assertThat(logs.filterLogEvents(r -> r.logGroupName("/durable").filterPattern("event")).events()).hasSize(100);
            assertThat(logs.getLogEvents(r -> r.logGroupName("/durable").logStreamName("s")
                    .nextToken(rest.nextForwardToken())).events()).extracting(OutputLogEvent::message)
                    .containsExactly("after restart");
        }
    }
}
