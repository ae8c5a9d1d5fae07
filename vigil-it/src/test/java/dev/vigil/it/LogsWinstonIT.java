package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * winston-cloudwatch (npm, on the AWS SDK for JavaScript v3) ships an application's logs into Vigil; they are read
 * back with {@code aws logs filter-log-events} and a Logs Insights query. Needs node and npm (the packages are
 * installed into target/ once); skipped where they are missing, except in CI.
 */
class LogsWinstonIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = Path.of("target", "winston-cloudwatch");
    static final String SCRIPT = """
            const winston = require('winston');
            const WinstonCloudWatch = require('winston-cloudwatch');
            const [endpoint, group, stream] = process.argv.slice(2);
            const transport = new WinstonCloudWatch({
              logGroupName: group, logStreamName: stream, jsonMessage: true, retentionInDays: 7, uploadRate: 100,
              awsOptions: { endpoint, region: 'us-east-1', maxAttempts: 1,
                            credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
              errorHandler: (e) => { console.error('winston-cloudwatch error', e); process.exitCode = 2; },
            });
            const logger = winston.createLogger({ transports: [transport] });
            for (let i = 0; i < 50; i++) {
              logger.log({ level: i % 5 === 0 ? 'error' : 'info', message: 'request ' + i, latency: 10 * i, path: '/api/' + i });
            }
            transport.kthxbye(() => console.log('flushed'));
            """;
    static VigilTestServer vigil;

    @BeforeAll
    static void start() throws Exception {
        boolean node = run(Path.of("."), 60, "node", "--version") == 0 && run(Path.of("."), 60, "npm", "--version") == 0;
        if (!node) {
            if ("true".equals(System.getenv("CI"))) fail("node and npm are required in CI");
            assumeTrue(false, "node/npm not installed");
        }
        Files.createDirectories(DIR);
        if (!Files.isDirectory(DIR.resolve("node_modules/winston-cloudwatch"))) {
            Files.writeString(DIR.resolve("package.json"), "{\"name\":\"vigil-winston-it\",\"private\":true}");
            int rc = run(DIR, 300, "npm", "install", "--no-audit", "--no-fund", "winston@3", "winston-cloudwatch@6.3.0");
            if (rc != 0) {
                if ("true".equals(System.getenv("CI"))) fail("npm install winston-cloudwatch failed");
                assumeTrue(false, "npm install winston-cloudwatch failed (offline?)");
            }
        }
        Files.writeString(DIR.resolve("ship.js"), SCRIPT);
        vigil = VigilTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (vigil != null) vigil.close();
    }

    static int run(Path dir, int seconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) System.err.println(String.join(" ", cmd) + ": " + new String(out, StandardCharsets.UTF_8));
        return p.exitValue();
    }

    static JsonNode cli(String... args) throws Exception {
        AwsCli.Result r = Clis.v1().run(vigil.endpoint(), args);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    @Test
    void winstonShipsLogsThatFilterAndInsightsReadBack() throws Exception {
        String group = "/winston/" + UUID.randomUUID();
        long start = Instant.now().getEpochSecond() - 60;
        Process node = new ProcessBuilder("node", "ship.js", vigil.endpoint().toString(), group, "app-1")
                .directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("flushed");

        JsonNode groups = cli("logs", "describe-log-groups", "--log-group-name-prefix", group);
        assertThat(groups.at("/logGroups/0/retentionInDays").asInt()).isEqualTo(7);
        JsonNode errors = cli("logs", "filter-log-events", "--log-group-name", group, "--filter-pattern",
                "{ $.level = \"error\" }");
        assertThat(errors.get("events")).hasSize(10);
        // winston hands events to the transport in several ticks and winston-cloudwatch may upload two batches at
        // once; events of the same millisecond in concurrent batches have no defined order (on AWS neither).
        List<String> messages = new java.util.ArrayList<>();
        errors.get("events").forEach(e -> messages.add(e.get("message").asText()));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("\"request 0\""))
                .anySatisfy(m -> assertThat(m).contains("\"request 45\""));
        assertThat(cli("logs", "filter-log-events", "--log-group-name", group, "--filter-pattern", "{ $.latency >= 400 }")
                .get("events")).hasSize(10);

        String queryId = cli("logs", "start-query", "--log-group-name", group, "--start-time", Long.toString(start),
                "--end-time", Long.toString(Instant.now().getEpochSecond() + 60), "--query-string",
                "stats count(*) as n, max(latency) as worst by level | sort level").get("queryId").asText();
        JsonNode results = null;
        for (int i = 0; i < 100; i++) {
            results = cli("logs", "get-query-results", "--query-id", queryId);
            if (!List.of("Scheduled", "Running").contains(results.get("status").asText())) break;
            Thread.sleep(50);
        }
        assertThat(results.get("status").asText()).isEqualTo("Complete");
        assertThat(results.get("results").toString())
                .isEqualTo("[[{\"field\":\"level\",\"value\":\"error\"},{\"field\":\"n\",\"value\":\"10\"},"
                        + "{\"field\":\"worst\",\"value\":\"450\"}],[{\"field\":\"level\",\"value\":\"info\"},"
                        + "{\"field\":\"n\",\"value\":\"40\"},{\"field\":\"worst\",\"value\":\"490\"}]]");
    }
}
