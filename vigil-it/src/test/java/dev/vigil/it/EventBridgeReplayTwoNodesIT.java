package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.MutableClock;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Two Vigil nodes on one PostgreSQL and one clock, both running the replay job: a replay of more events than one
 * batch delivers each archived event exactly once into SQS, with replay-name, whichever node works it.
 */
class EventBridgeReplayTwoNodesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int EVENTS = 250; // more than one replay batch

    @Test
    void aReplayOnTwoNodesDeliversEachEventOnce() throws Exception {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (VigilTestServer a = VigilTestServer.start(c -> c.withStore(url), clock);
             VigilTestServer b = VigilTestServer.start(c -> c.withStore(url), clock);
             EventBridgeClient ebA = a.client(EventBridgeClient.builder());
             EventBridgeClient ebB = b.client(EventBridgeClient.builder());
             SqsClient sqs = b.client(SqsClient.builder())) {
            String bus = ebA.createEventBus(r -> r.name("two-nodes")).eventBusArn();
            String archive = ebA.createArchive(r -> r.archiveName("two-nodes").eventSourceArn(bus)).archiveArn();
            Instant from = clock.instant();
            for (int i = 0; i < EVENTS; i += 10) {
                List<PutEventsRequestEntry> entries = new ArrayList<>();
                for (int j = i; j < i + 10; j++) {
                    entries.add(PutEventsRequestEntry.builder().eventBusName("two-nodes").source("shop")
                            .detailType("Order").detail("{\"n\": " + j + "}").build());
                }
                (i % 20 == 0 ? ebA : ebB).putEvents(r -> r.entries(entries));
            }
            assertThat(ebB.describeArchive(r -> r.archiveName("two-nodes")).eventCount()).isEqualTo(EVENTS);

            // The rule exists only now, so only the replay reaches the queue.
            String rule = ebB.putRule(r -> r.name("orders").eventBusName("two-nodes")
                    .eventPattern("{\"source\": [\"shop\"]}")).ruleArn();
            String queueUrl = sqs.createQueue(r -> r.queueName("two-nodes-replay")).queueUrl();
            String queue = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                            + " \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"" + queue
                            + "\", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"" + rule + "\"}}}]}")));
            ebB.putTargets(r -> r.rule("orders").eventBusName("two-nodes").targets(t -> t.id("q").arn(queue)));

            clock.advance(Duration.ofMinutes(1));
            ebA.startReplay(r -> r.replayName("two-nodes").eventSourceArn(archive).eventStartTime(from)
                    .eventEndTime(clock.instant()).destination(d -> d.arn(bus)));
            ReplayState state = null;
            for (int i = 0; i < 100 && state != ReplayState.COMPLETED; i++) {
                state = ebB.describeReplay(r -> r.replayName("two-nodes")).state();
                if (state != ReplayState.COMPLETED) Thread.sleep(100); // the replay job polls every second
            }
            assertThat(state).isEqualTo(ReplayState.COMPLETED);

            List<Integer> seen = new ArrayList<>();
            Set<String> replayNames = new HashSet<>();
            for (int i = 0; i < 100 && seen.size() < EVENTS; i++) {
                for (Message m : sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()) {
                    JsonNode event = JSON.readTree(m.body());
                    seen.add(event.at("/detail/n").asInt());
                    replayNames.add(event.path("replay-name").asText());
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
            // Both nodes' delivery drains have had time to run again: a duplicate would be here by now.
            Thread.sleep(2000);
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).isEmpty();
            assertThat(seen).hasSize(EVENTS).doesNotHaveDuplicates();
            assertThat(replayNames).containsExactly("two-nodes");
            assertThat(ebA.describeReplay(r -> r.replayName("two-nodes")).eventLastReplayedTime()).isNotNull();
        }
    }
}
