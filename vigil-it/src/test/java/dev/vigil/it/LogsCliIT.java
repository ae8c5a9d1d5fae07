package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-to-end story with both AWS CLIs (Debian 2.9 and v1): create a group and a stream, put events, read them
 * back with get-log-events and filter-log-events, a metric filter, and a Logs Insights query polled to completion.
 */
class LogsCliIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
    }

    @AfterAll
    static void stop() {
        vigil.close();
    }

    static AwsCli cli(String which) {
        return "debian".equals(which) ? Clis.debian() : Clis.v1();
    }

    static JsonNode run(AwsCli cli, String... args) throws Exception {
        AwsCli.Result r = cli.run(vigil.endpoint(), args);
        assertThat(r.exitCode()).as("%s: %s", String.join(" ", args), r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "v1"})
    void story(String which) throws Exception {
        AwsCli cli = cli(which);
        String g = "/cli/" + which + "/" + UUID.randomUUID();
        run(cli, "logs", "create-log-group", "--log-group-name", g, "--tags", "team=core");
        run(cli, "logs", "put-retention-policy", "--log-group-name", g, "--retention-in-days", "7");
        run(cli, "logs", "create-log-stream", "--log-group-name", g, "--log-stream-name", "web");
        JsonNode groups = run(cli, "logs", "describe-log-groups", "--log-group-name-prefix", g);
        assertThat(groups.at("/logGroups/0/logGroupName").asText()).isEqualTo(g);
        assertThat(groups.at("/logGroups/0/retentionInDays").asInt()).isEqualTo(7);

        long now = Instant.now().toEpochMilli();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String msg = i % 2 == 0 ? "{\"level\":\"ERROR\",\"latency\":" + (100 + i) + "}" : "{\"level\":\"INFO\"}";
            events.add("{\"timestamp\":" + (now - 6000 + i * 1000) + ",\"message\":" + JSON.writeValueAsString(msg) + "}");
        }
        JsonNode put = run(cli, "logs", "put-log-events", "--log-group-name", g, "--log-stream-name", "web",
                "--log-events", "[" + String.join(",", events) + "]");
        assertThat(put.has("rejectedLogEventsInfo")).isFalse();

        JsonNode got = run(cli, "logs", "get-log-events", "--log-group-name", g, "--log-stream-name", "web",
                "--start-from-head");
        assertThat(got.get("events")).hasSize(6);
        assertThat(got.get("nextForwardToken").asText()).startsWith("f/");

        JsonNode filtered = run(cli, "logs", "filter-log-events", "--log-group-name", g, "--filter-pattern",
                "{ $.level = \"ERROR\" }");
        assertThat(filtered.get("events")).hasSize(3);
        assertThat(filtered.at("/events/0/logStreamName").asText()).isEqualTo("web");

        if (which.equals("debian")) {
            // CLI v2's own command on top of FilterLogEvents.
            AwsCli.Result tail = cli.run(vigil.endpoint(), "logs", "tail", g, "--since", "1h", "--format", "short",
                    "--filter-pattern", "INFO");
            assertThat(tail.exitCode()).as(tail.stderr()).isZero();
            assertThat(tail.stdout().lines().filter(l -> l.contains("{\"level\":\"INFO\"}")).count()).isEqualTo(3);
        }

        run(cli, "logs", "put-metric-filter", "--log-group-name", g, "--filter-name", "errors", "--filter-pattern",
                "ERROR", "--metric-transformations", "metricName=Errors,metricNamespace=Cli,metricValue=1");
        assertThat(run(cli, "logs", "describe-metric-filters", "--log-group-name", g).get("metricFilters")).hasSize(1);
        JsonNode tested = run(cli, "logs", "test-metric-filter", "--filter-pattern", "[level, n > 5]",
                "--log-event-messages", "ERROR 7", "INFO 3");
        assertThat(tested.at("/matches/0/eventNumber").asInt()).isEqualTo(1);

        String queryId = run(cli, "logs", "start-query", "--log-group-name", g,
                "--start-time", Long.toString(now / 1000 - 600), "--end-time", Long.toString(now / 1000 + 1),
                "--query-string", "filter level = \"ERROR\" | stats count(*) as errors, avg(latency) as avgLatency")
                .get("queryId").asText();
        JsonNode results = null;
        for (int i = 0; i < 100; i++) {
            results = run(cli, "logs", "get-query-results", "--query-id", queryId);
            String status = results.get("status").asText();
            if (!status.equals("Running") && !status.equals("Scheduled")) break;
            Thread.sleep(50);
        }
        assertThat(results.get("status").asText()).isEqualTo("Complete");
        assertThat(results.at("/results/0").toString()).contains("\"errors\"").contains("\"3\"").contains("\"102\"");
        assertThat(results.at("/statistics/recordsScanned").asDouble()).isEqualTo(6.0);

        AwsCli.Result missing = cli.run(vigil.endpoint(), "logs", "create-log-stream", "--log-group-name", g + "-nope",
                "--log-stream-name", "x");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ResourceNotFoundException").contains("The specified log group does not exist.");

        run(cli, "logs", "delete-log-group", "--log-group-name", g);
        assertThat(run(cli, "logs", "describe-log-groups", "--log-group-name-prefix", g).get("logGroups")).isEmpty();
    }
}
