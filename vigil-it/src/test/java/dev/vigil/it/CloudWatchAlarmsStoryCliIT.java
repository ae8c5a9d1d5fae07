package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.MutableClock;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's alarm story with nothing but the AWS CLI (issue 6): an SNS topic, an SQS queue whose policy lets the
 * topic send, the subscription, an alarm whose action is the topic, breaching data, then describe-alarms in ALARM,
 * describe-alarm-history with the transition and the action, and AWS's alarm notification received from the queue.
 * Runs with AWS CLI 2.9 (CloudWatch over awsQuery) and CLI v1 (awsJson1_0). The server runs on a {@link MutableClock}
 * that stays put while the CLIs work; the test moves it over the alarm's next period boundary to make the evaluator
 * job (polled every second) evaluate, and waits for the job rather than for time.
 */
class CloudWatchAlarmsStoryCliIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MutableClock clock;
    static VigilTestServer vigil;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        vigil = VigilTestServer.start(c -> c, clock);
    }

    @AfterAll
    static void stop() {
        if (vigil != null) vigil.close();
    }

    static JsonNode run(AwsCli cli, String... args) {
        AwsCli.Result r = cli.run(vigil.endpoint(), args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.stderr()).isZero();
        try {
            return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
        } catch (Exception e) {
            throw new AssertionError(r.stdout(), e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void alarmToQueueStory(String protocol, @TempDir Path dir) throws Exception {
        AwsCli aws = protocol.equals("query") ? Clis.debian() : Clis.v1();
        String p = "story-" + protocol + "-";
        String ns = "Story/" + protocol;

        // 1. A topic, a queue that lets the topic send, and the subscription.
        String topicArn = run(aws, "sns", "create-topic", "--name", p + "alerts").get("TopicArn").asText();
        String queueUrl = run(aws, "sqs", "create-queue", "--queue-name", p + "inbox").get("QueueUrl").asText();
        String queueArn = run(aws, "sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names",
                "QueueArn").get("Attributes").get("QueueArn").asText();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\",\"Condition\":"
                + "{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
        Path attrs = dir.resolve("attrs.json");
        Files.writeString(attrs, JSON.writeValueAsString(Map.of("Policy", policy)));
        run(aws, "sqs", "set-queue-attributes", "--queue-url", queueUrl, "--attributes", "file://" + attrs);
        run(aws, "sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs", "--notification-endpoint", queueArn);

        // 2. The alarm: average latency over 100 in 2 of the last 3 minutes, the topic as its alarm action.
        run(aws, "cloudwatch", "put-metric-alarm", "--alarm-name", p + "latency", "--alarm-description",
                "API latency too high", "--namespace", ns, "--metric-name", "Latency", "--dimensions",
                "Name=Service,Value=api", "--statistic", "Average", "--period", "60", "--evaluation-periods", "3",
                "--datapoints-to-alarm", "2", "--threshold", "100", "--comparison-operator", "GreaterThanThreshold",
                "--alarm-actions", topicArn);
        assertThat(alarm(aws, p + "latency").get("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");

        // 3. Breaching data in the three minutes before the next period boundary, then the clock over it.
        Instant boundary = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), 60_000L) * 60_000L + 60_000L);
        double[] values = {150, 80, 170};
        List<String> data = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            data.add("MetricName=Latency,Dimensions=[{Name=Service,Value=api}],Timestamp="
                    + boundary.minusSeconds(60L * (3 - i)) + ",Value=" + values[i] + ",Unit=Milliseconds");
        }
        List<String> put = new ArrayList<>(List.of("cloudwatch", "put-metric-data", "--namespace", ns, "--metric-data"));
        put.addAll(data);
        run(aws, put.toArray(String[]::new));
        clock.set(boundary.plusSeconds(1));

        // 4. describe-alarms reports ALARM.
        await(() -> alarm(aws, p + "latency").get("StateValue").asText(), "ALARM");
        JsonNode alarm = alarm(aws, p + "latency");
        assertThat(alarm.get("StateReason").asText())
                .startsWith("Threshold Crossed: 2 out of the last 3 datapoints [170.0 (");

        // 5. describe-alarm-history shows the transition and the action that ran.
        JsonNode items = await(() -> run(aws, "cloudwatch", "describe-alarm-history", "--alarm-name", p + "latency",
                "--scan-by", "TimestampAscending").get("AlarmHistoryItems"), 3);
        assertThat(items.get(0).get("HistoryItemType").asText()).isEqualTo("ConfigurationUpdate");
        assertThat(items.get(1).get("HistoryItemType").asText()).isEqualTo("StateUpdate");
        assertThat(items.get(1).get("HistorySummary").asText()).isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
        assertThat(items.get(2).get("HistoryItemType").asText()).isEqualTo("Action");
        assertThat(items.get(2).get("HistorySummary").asText()).isEqualTo("Successfully executed action " + topicArn);

        // 6. The queue holds SNS's envelope around AWS's alarm notification.
        JsonNode messages = run(aws, "sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "5")
                .get("Messages");
        assertThat(messages).hasSize(1);
        JsonNode envelope = JSON.readTree(messages.get(0).get("Body").asText());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.get("Subject").asText()).isEqualTo("ALARM: \"" + p + "latency\" in US East (N. Virginia)");
        JsonNode n = JSON.readTree(envelope.get("Message").asText());
        assertThat(n.get("AlarmName").asText()).isEqualTo(p + "latency");
        assertThat(n.get("AlarmDescription").asText()).isEqualTo("API latency too high");
        assertThat(n.get("AWSAccountId").asText()).isEqualTo("000000000000");
        assertThat(n.get("OldStateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(n.get("NewStateValue").asText()).isEqualTo("ALARM");
        assertThat(n.get("NewStateReason").asText()).isEqualTo(alarm.get("StateReason").asText());
        assertThat(n.get("AlarmArn").asText()).isEqualTo(alarm.get("AlarmArn").asText());
        assertThat(n.get("Trigger").get("MetricName").asText()).isEqualTo("Latency");
        assertThat(n.get("Trigger").get("Namespace").asText()).isEqualTo(ns);
        assertThat(n.get("Trigger").get("Threshold").asDouble()).isEqualTo(100.0);
        run(aws, "sqs", "delete-message", "--queue-url", queueUrl, "--receipt-handle",
                messages.get(0).get("ReceiptHandle").asText());

        run(aws, "cloudwatch", "delete-alarms", "--alarm-names", p + "latency");
        assertThat(run(aws, "cloudwatch", "describe-alarms", "--alarm-names", p + "latency").get("MetricAlarms")).isEmpty();
    }

    static JsonNode alarm(AwsCli aws, String name) {
        return run(aws, "cloudwatch", "describe-alarms", "--alarm-names", name).get("MetricAlarms").get(0);
    }

    /** Waits (up to 20 s of real time) for the evaluator job to bring {@code value} to {@code expected}. */
    static <T> T await(Supplier<T> value, T expected) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = value.get();
        while (!expected.equals(last) && System.nanoTime() < until) {
            sleep();
            last = value.get();
        }
        assertThat(last).isEqualTo(expected);
        return last;
    }

    /** Waits (up to 20 s) until the list has {@code size} items and returns it. */
    static JsonNode await(Supplier<JsonNode> list, int size) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = list.get();
        while (last.size() < size && System.nanoTime() < until) {
            sleep();
            last = list.get();
        }
        assertThat(last).hasSize(size);
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
