package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.MutableClock;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.VigilTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Two Vigil nodes on one PostgreSQL. In-process on one clock: each transition happens once (one StateUpdate, one
 * action, one message in the subscribed queue), and when the node running the evaluator stops, the other carries on
 * once the job's lease expires. And with the evaluating node a separate {@code bin/vigil serve} process killed with
 * SIGKILL (no shutdown, its lease left behind): the in-process node takes the job over when the lease expires on its
 * clock and the alarm's one notification reaches the queue.
 */
class CloudWatchAlarmsTwoNodesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    static String url(StoreSpec spec) {
        return spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
    }

    @Test
    void eachTransitionOnceAndTheSurvivorCarriesOn() throws Exception {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = url(spec);
        MutableClock clock = new MutableClock(Instant.now());
        VigilTestServer a = VigilTestServer.start(c -> c.withStore(url), clock);
        try (VigilTestServer b = VigilTestServer.start(c -> c.withStore(url), clock);
             CloudWatchClient cwA = a.client(CloudWatchClient.builder());
             CloudWatchClient cwB = b.client(CloudWatchClient.builder());
             SnsClient sns = b.client(SnsClient.builder());
             SqsClient sqs = b.client(SqsClient.builder())) {
            String topic = sns.createTopic(r -> r.name("two-nodes")).topicArn();
            SnsIT.Q inbox = SnsIT.queue(sqs, "two-nodes-inbox");
            SnsIT.allow(sqs, inbox, topic);
            sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(inbox.arn()));
            cwA.putMetricAlarm(r -> r.alarmName("shared").namespace("IT/TwoNodes").metricName("Load").statistic("Maximum")
                    .period(60).evaluationPeriods(1).threshold(1.0).treatMissingData("ignore")
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions(topic).okActions(topic));
            Instant boundary = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), 60_000L) * 60_000L + 60_000L);
            cwA.putMetricData(r -> r.namespace("IT/TwoNodes").metricData(d -> d.metricName("Load")
                    .timestamp(boundary.minusSeconds(60)).value(5.0)));
            clock.set(boundary.plusSeconds(1));
            CloudWatchAlarmsIT.await(() -> state(cwB), StateValue.ALARM);
            // Both nodes keep polling the job; a second evaluation would add a second StateUpdate, action and message.
            Thread.sleep(2500);
            assertThat(history(cwB, HistoryItemType.STATE_UPDATE)).hasSize(1);
            assertThat(history(cwB, HistoryItemType.ACTION)).hasSize(1);
            assertThat(notifications(sqs, inbox)).containsExactly("ALARM");

            a.close();
            cwB.putMetricData(r -> r.namespace("IT/TwoNodes").metricData(d -> d.metricName("Load")
                    .timestamp(boundary.plusSeconds(60)).value(0.0)));
            // Past the next boundary and past the stopped node's job lease (2 polls + 30 s, on the same clock).
            clock.set(boundary.plus(Duration.ofSeconds(121)));
            CloudWatchAlarmsIT.await(() -> state(cwB), StateValue.OK);
            assertThat(history(cwB, HistoryItemType.STATE_UPDATE)).extracting(AlarmHistoryItem::historySummary)
                    .containsExactly("Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM");
            // The action's history item is written once the notification is sent.
            CloudWatchAlarmsIT.await(() -> history(cwB, HistoryItemType.ACTION).size(), 2);
            assertThat(notifications(sqs, inbox)).containsExactly("OK");
        } finally {
            a.close();
        }
    }

    @Test
    void aKilledNodesLeaseExpiresAndTheOtherNodeNotifiesOnce() throws Exception {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close();
        String url = url(spec);
        // Node A: its own JVM on the real clock; the first node up takes the alarm job's lease and keeps renewing it.
        Process a = serve(url);
        try {
            awaitEndpoint(a);
            String ownerA = awaitLeaseOwner(url);
            MutableClock clock = new MutableClock(Instant.now());
            try (VigilTestServer b = VigilTestServer.start(c -> c.withStore(url), clock);
                 CloudWatchClient cw = b.client(CloudWatchClient.builder());
                 SnsClient sns = b.client(SnsClient.builder());
                 SqsClient sqs = b.client(SqsClient.builder())) {
                String topic = sns.createTopic(r -> r.name("killed-node")).topicArn();
                SnsIT.Q inbox = SnsIT.queue(sqs, "killed-node-inbox");
                SnsIT.allow(sqs, inbox, topic);
                sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(inbox.arn()));
                String ns = "IT/Killed/" + UUID.randomUUID();
                cw.putMetricAlarm(r -> r.alarmName("survives").namespace(ns).metricName("Load").statistic("Maximum")
                        .period(60).evaluationPeriods(1).threshold(1.0)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions(topic));
                // A still holds the job: B, polling meanwhile on (about) the same time, could not take it.
                assertThat(leaseOwner(url)).isEqualTo(ownerA);

                a.destroyForcibly(); // SIGKILL: no shutdown hook, no quiescing, the lease stays in the table
                assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(leaseOwner(url)).isEqualTo(ownerA);

                // Breaching data only now (A never saw it), then B's clock past a boundary that lies beyond the lease
                // A left (its last renewal + 2 polls + 30 s).
                Instant boundary = Instant.ofEpochMilli(Math.floorDiv(Instant.now().plusSeconds(45).toEpochMilli(),
                        60_000L) * 60_000L + 60_000L);
                cw.putMetricData(r -> r.namespace(ns).metricData(d -> d.metricName("Load")
                        .timestamp(boundary.minusSeconds(60)).value(5.0)));
                clock.set(boundary.plusSeconds(1));
                CloudWatchAlarmsIT.await(() -> cw.describeAlarms(r -> r.alarmNames("survives")).metricAlarms().get(0)
                        .stateValue(), StateValue.ALARM);
                assertThat(leaseOwner(url)).isNotEqualTo(ownerA);
                // The action's history item is written once the notification is sent.
                CloudWatchAlarmsIT.await(() -> cw.describeAlarmHistory(r -> r.alarmName("survives")
                        .historyItemType(HistoryItemType.ACTION)).alarmHistoryItems().stream()
                        .map(AlarmHistoryItem::historySummary).toList(), List.of("Successfully executed action " + topic));
                assertThat(notifications(sqs, inbox)).containsExactly("ALARM");
                assertThat(notifications(sqs, inbox)).isEmpty();
            }
        } finally {
            a.destroyForcibly();
            a.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The NewStateValue of each alarm notification in the queue now (and deletes them). */
    static List<String> notifications(SqsClient sqs, SnsIT.Q inbox) throws Exception {
        List<String> states = new ArrayList<>();
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(inbox.url()).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        for (Message m : got) {
            JsonNode envelope = JSON.readTree(m.body());
            states.add(JSON.readTree(envelope.get("Message").asText()).get("NewStateValue").asText());
            sqs.deleteMessage(r -> r.queueUrl(inbox.url()).receiptHandle(m.receiptHandle()));
        }
        return states;
    }

    static Process serve(String storeUrl) throws Exception {
        Path script = ROOT.resolve("bin/vigil");
        assertThat(Files.isExecutable(script)).isTrue();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "serve", "--port", "0", "--store", storeUrl)
                .redirectErrorStream(true);
        pb.environment().put("VIGIL_REQUEST_LOG", "OFF");
        pb.environment().put("VIGIL_NO_BUILD", "1"); // the reactor built vigil-server's jar before this module
        return pb.start();
    }

    static URI awaitEndpoint(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        URI endpoint = null;
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            out.add(line);
            if (line.trim().startsWith("endpoint:")) endpoint = URI.create(line.trim().substring("endpoint:".length()).trim());
            if (line.trim().startsWith("store:") && endpoint != null) {
                Thread drain = new Thread(() -> r.lines().forEach(l -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return endpoint;
            }
        }
        throw new AssertionError("bin/vigil serve did not start: " + out);
    }

    /** Waits (up to 30 s) for a node to take the alarm job's lease; returns its owner. */
    static String awaitLeaseOwner(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String owner = leaseOwner(url);
        while (owner == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            owner = leaseOwner(url);
        }
        assertThat(owner).as("the alarm job's lease").isNotNull();
        return owner;
    }

    static String leaseOwner(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT owner FROM store_lease WHERE job = 'cloudwatch-alarms'")) {
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static StateValue state(CloudWatchClient cw) {
        return cw.describeAlarms(r -> r.alarmNames("shared")).metricAlarms().get(0).stateValue();
    }

    static List<AlarmHistoryItem> history(CloudWatchClient cw, HistoryItemType type) {
        return cw.describeAlarmHistory(r -> r.alarmName("shared").historyItemType(type)).alarmHistoryItems();
    }
}
