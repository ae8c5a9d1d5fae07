package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.MutableClock;
import dev.vigil.store.Leases;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventSourceState;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Archive and replay, and partner event sources, through the SDK v2 against a real Vigil with real SQS queues: an
 * archive keeps a bus's matching events, a replay re-delivers a window of them through the rule it names into SQS
 * carrying {@code replay-name}; a replay held back (another node holds the replay job's lease) can be cancelled;
 * a partner source activated as a partner bus delivers the partner's PutPartnerEvents through a rule into SQS.
 * The server's clock is a MutableClock kept near real time (SigV4 checks skew) and moved to separate windows.
 */
class EventBridgeArchiveIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "000000000000";
    static final String PARTNER = "210987654321";
    static MutableClock clock;
    static VigilTestServer vigil;
    static EventBridgeClient events;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        vigil = VigilTestServer.start(c -> c, clock);
        events = vigil.client(EventBridgeClient.builder());
        sqs = vigil.client(SqsClient.builder());
    }

    @AfterAll
    static void stop() {
        if (sqs != null) sqs.close();
        if (events != null) events.close();
        if (vigil != null) vigil.close();
    }

    /** A queue that lets EventBridge send for the given rule. */
    static String[] queue(String name, String ruleArn) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"Service\": \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\","
                + " \"Resource\": \"" + arn + "\", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"" + ruleArn + "\"}}}]}";
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        return new String[] {url, arn};
    }

    /** Receives (and deletes) exactly {@code n} messages, waiting for them with long polls. */
    static List<JsonNode> take(String url, int n) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < 10 && out.size() < n; i++) {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2).maxNumberOfMessages(10))
                    .messages()) {
                out.add(JSON.readTree(m.body()));
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        assertThat(out).hasSize(n);
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
        return out;
    }

    static DescribeReplayResponse awaitReplay(String name, ReplayState state) throws InterruptedException {
        DescribeReplayResponse d = null;
        for (int i = 0; i < 100; i++) {
            d = events.describeReplay(r -> r.replayName(name));
            if (d.state() == state) return d;
            Thread.sleep(100); // the replay job runs every second on the scheduler
        }
        throw new AssertionError("replay " + name + " stayed " + d.state());
    }

    @Test
    void archivedEventsReplayThroughTheNamedRuleIntoSqsWithReplayName() throws Exception {
        String busArn = events.createEventBus(r -> r.name("it-archived")).eventBusArn();
        String ruleArn = events.putRule(r -> r.name("to-sqs").eventBusName("it-archived")
                .eventPattern("{\"source\": [\"shop\"]}")).ruleArn();
        events.putRule(r -> r.name("unnamed").eventBusName("it-archived").eventPattern("{\"source\": [\"shop\"]}"));
        String[] q = queue("eb-replayed", ruleArn);
        String[] other = queue("eb-not-replayed", "arn:aws:events:us-east-1:000000000000:rule/it-archived/unnamed");
        events.putTargets(r -> r.rule("to-sqs").eventBusName("it-archived").targets(t -> t.id("q").arn(q[1])));
        events.putTargets(r -> r.rule("unnamed").eventBusName("it-archived").targets(t -> t.id("q").arn(other[1])));
        String archiveArn = events.createArchive(r -> r.archiveName("it-shop").eventSourceArn(busArn)
                .eventPattern("{\"source\": [\"shop\"]}").retentionDays(7)).archiveArn();
        assertThat(archiveArn).isEqualTo("arn:aws:events:us-east-1:000000000000:archive/it-shop");

        Instant from = clock.instant();
        events.putEvents(r -> r.entries(
                e -> e.eventBusName("it-archived").source("shop").detailType("Order").detail("{\"n\": 1}"),
                e -> e.eventBusName("it-archived").source("shop").detailType("Order").detail("{\"n\": 2}"),
                e -> e.eventBusName("it-archived").source("elsewhere").detailType("Order").detail("{\"n\": 3}")));
        assertThat(take(q[0], 2)).allSatisfy(e -> assertThat(e.has("replay-name")).isFalse());
        take(other[0], 2);
        var archive = events.describeArchive(r -> r.archiveName("it-shop"));
        assertThat(archive.eventCount()).isEqualTo(2);
        assertThat(archive.sizeBytes()).isPositive();
        assertThat(archive.retentionDays()).isEqualTo(7);
        assertThat(events.listArchives(r -> r.eventSourceArn(busArn)).archives()).extracting(a -> a.archiveName())
                .containsExactly("it-shop");
        assertThatThrownBy(() -> events.describeArchive(r -> r.archiveName("it-nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Archive it-nope does not exist."));

        clock.advance(Duration.ofMinutes(2));
        var started = events.startReplay(r -> r.replayName("it-replay").eventSourceArn(archiveArn)
                .eventStartTime(from).eventEndTime(clock.instant())
                .destination(d -> d.arn(busArn).filterArns(ruleArn)));
        assertThat(started.state()).isEqualTo(ReplayState.STARTING);
        List<JsonNode> replayed = take(q[0], 2);
        assertThat(replayed).extracting(e -> e.get("replay-name").asText()).containsOnly("it-replay");
        assertThat(replayed).extracting(e -> e.at("/detail/n").asInt()).containsExactlyInAnyOrder(1, 2);
        var done = awaitReplay("it-replay", ReplayState.COMPLETED);
        assertThat(done.eventLastReplayedTime()).isNotNull();
        assertThat(done.replayEndTime()).isNotNull();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(other[0])).messages()).isEmpty(); // not in FilterArns
        assertThat(events.describeArchive(r -> r.archiveName("it-shop")).eventCount()).isEqualTo(2);
        assertThatThrownBy(() -> events.cancelReplay(r -> r.replayName("it-replay")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IllegalStatusException"));

        // Another node holds the replay job: a new replay waits, and can be cancelled before it runs.
        Leases leases = new Leases(vigil.server().database());
        boolean held = false;
        for (int i = 0; i < 5 && !held; i++) {
            clock.advance(Duration.ofSeconds(40)); // past this node's lease (2 periods + 30 s), so another may take it
            held = leases.tryAcquire("events-replays", "it-other-node", Duration.ofHours(1), clock.instant());
        }
        assertThat(held).isTrue();
        try {
            events.startReplay(r -> r.replayName("it-cancelled").eventSourceArn(archiveArn)
                    .eventStartTime(from).eventEndTime(clock.instant()).destination(d -> d.arn(busArn)));
            assertThat(events.cancelReplay(r -> r.replayName("it-cancelled")).state()).isEqualTo(ReplayState.CANCELLING);
        } finally {
            leases.release("events-replays", "it-other-node");
        }
        awaitReplay("it-cancelled", ReplayState.CANCELLED);
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q[0]).maxNumberOfMessages(10)).messages()).isEmpty();
        assertThat(events.listReplays(r -> r.eventSourceArn(archiveArn)).replays()).extracting(p -> p.replayName())
                .containsExactly("it-cancelled", "it-replay");
    }

    @Test
    void aPartnerSourceActivatedAsABusDeliversThePartnersEventsIntoSqs() throws Exception {
        String name = "aws.partner/example.com/" + ACCOUNT + "/orders";
        try (EventBridgeClient partner = vigil.client(EventBridgeClient.builder(), PARTNER, "secret")) {
            assertThat(partner.createPartnerEventSource(r -> r.name(name).account(ACCOUNT)).eventSourceArn())
                    .isEqualTo("arn:aws:events:us-east-1::event-source/" + name);
            assertThat(events.describeEventSource(r -> r.name(name)).state()).isEqualTo(EventSourceState.PENDING);

            String busArn = events.createEventBus(r -> r.name(name).eventSourceName(name)).eventBusArn();
            assertThat(busArn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/" + name);
            assertThat(events.listEventSources(r -> r.namePrefix("aws.partner/example.com/")).eventSources())
                    .extracting(s -> s.name(), s -> s.state())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(name, EventSourceState.ACTIVE));
            String ruleArn = events.putRule(r -> r.name("partner-to-sqs").eventBusName(name)
                    .eventPattern("{\"source\": [{\"prefix\": \"aws.partner/example.com/\"}]}")).ruleArn();
            String[] q = queue("eb-partner", ruleArn);
            events.putTargets(r -> r.rule("partner-to-sqs").eventBusName(name).targets(t -> t.id("q").arn(q[1])));

            var sent = partner.putPartnerEvents(r -> r.entries(e -> e.source(name).detailType("Order Placed")
                    .detail("{\"id\": \"p-1\"}")));
            assertThat(sent.failedEntryCount()).isZero();
            JsonNode event = take(q[0], 1).get(0);
            assertThat(event.get("source").asText()).isEqualTo(name);
            assertThat(event.get("account").asText()).isEqualTo(ACCOUNT);
            assertThat(event.get("id").asText()).isEqualTo(sent.entries().get(0).eventId());
            assertThat(event.at("/detail/id").asText()).isEqualTo("p-1");

            // Only the partner sends as its source.
            assertThat(events.putPartnerEvents(r -> r.entries(e -> e.source(name).detailType("x").detail("{}")))
                    .entries().get(0).errorCode()).isEqualTo("NotAuthorizedForSourceException");
            assertThat(partner.listPartnerEventSourceAccounts(r -> r.eventSourceName(name)).partnerEventSourceAccounts())
                    .extracting(a -> a.account()).containsExactly(ACCOUNT);
        }
    }
}
