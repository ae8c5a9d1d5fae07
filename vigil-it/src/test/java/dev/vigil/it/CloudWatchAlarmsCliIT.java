package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's alarm commands through the real CLIs: AWS CLI 2.9 (awsQuery) and AWS CLI v1 (awsJson1_0) —
 * metric, math, anomaly band and composite alarms, SetAlarmState, history, tags, deletion. The server runs on the
 * real clock and the CLIs are slow, so evaluations happen meanwhile: the alarms hold their state without data
 * (TreatMissingData ignore; the band alarm has no trained model, so it stays INSUFFICIENT_DATA).
 */
class CloudWatchAlarmsCliIT {
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

    static JsonNode run(AwsCli cli, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "cloudwatch";
        System.arraycopy(args, 0, full, 1, args.length);
        AwsCli.Result r = cli.run(vigil.endpoint(), full);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.stderr()).isZero();
        try {
            return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
        } catch (Exception e) {
            throw new AssertionError(r.stdout(), e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void readmeStory(String protocol) {
        AwsCli cli = protocol.equals("query") ? Clis.debian() : Clis.v1();
        String p = "cli-" + protocol + "-";
        run(cli, "put-metric-alarm", "--alarm-name", p + "api-latency", "--namespace", "App", "--metric-name", "Latency",
                "--dimensions", "Name=Service,Value=api", "--statistic", "Average", "--period", "60",
                "--evaluation-periods", "5", "--datapoints-to-alarm", "3", "--threshold", "100",
                "--comparison-operator", "GreaterThanThreshold", "--treat-missing-data", "ignore",
                "--alarm-actions", "arn:aws:sns:us-east-1:000000000000:ops", "--tags", "Key=team,Value=api");
        run(cli, "put-metric-alarm", "--alarm-name", p + "latency-anomaly", "--evaluation-periods", "1",
                "--comparison-operator", "LessThanLowerOrGreaterThanUpperThreshold", "--threshold-metric-id", "band",
                "--metrics", "[{\"Id\":\"m1\",\"ReturnData\":true,\"MetricStat\":{\"Metric\":{\"Namespace\":\"App\","
                        + "\"MetricName\":\"Latency\"},\"Period\":60,\"Stat\":\"Average\"}},"
                        + "{\"Id\":\"band\",\"Expression\":\"ANOMALY_DETECTION_BAND(m1, 2)\"}]");
        run(cli, "put-composite-alarm", "--alarm-name", p + "service-down", "--alarm-rule",
                "ALARM(" + p + "api-latency) AND NOT OK(\"" + p + "latency-anomaly\")",
                "--alarm-actions", "arn:aws:sns:us-east-1:000000000000:pager");

        JsonNode alarms = run(cli, "describe-alarms", "--alarm-name-prefix", p);
        assertThat(alarms.get("MetricAlarms")).hasSize(2);
        JsonNode latency = alarms.get("MetricAlarms").get(0);
        assertThat(latency.get("AlarmName").asText()).isEqualTo(p + "api-latency");
        assertThat(latency.get("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(latency.get("DatapointsToAlarm").asInt()).isEqualTo(3);
        assertThat(latency.get("Threshold").asDouble()).isEqualTo(100.0);
        assertThat(alarms.get("MetricAlarms").get(1).get("Metrics")).hasSize(2);

        run(cli, "set-alarm-state", "--alarm-name", p + "api-latency", "--state-value", "ALARM", "--state-reason", "testing");
        JsonNode composite = run(cli, "describe-alarms", "--alarm-names", p + "service-down", "--alarm-types",
                "CompositeAlarm").get("CompositeAlarms").get(0);
        // latency-anomaly is INSUFFICIENT_DATA, so NOT OK(...) holds: the composite follows api-latency into ALARM.
        assertThat(composite.get("StateValue").asText()).isEqualTo("ALARM");
        JsonNode history = run(cli, "describe-alarm-history", "--alarm-name", p + "api-latency",
                "--history-item-type", "StateUpdate");
        assertThat(history.get("AlarmHistoryItems").get(0).get("HistorySummary").asText())
                .isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
        assertThat(run(cli, "describe-alarms-for-metric", "--namespace", "App", "--metric-name", "Latency",
                "--dimensions", "Name=Service,Value=api").get("MetricAlarms")).hasSizeGreaterThanOrEqualTo(1);
        String arn = latency.get("AlarmArn").asText();
        assertThat(run(cli, "list-tags-for-resource", "--resource-arn", arn).get("Tags").get(0).get("Key").asText())
                .isEqualTo("team");
        run(cli, "delete-alarms", "--alarm-names", p + "service-down", p + "latency-anomaly", p + "api-latency");
        assertThat(run(cli, "describe-alarms", "--alarm-name-prefix", p).get("MetricAlarms")).isEmpty();
    }
}
