package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.MutableClock;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;

/**
 * EventBridge through the SDK v2 client (awsJson1_1): buses, rules, TestEventPattern, PutEvents to an SQS target with
 * an input transformer, and a schedule firing on the simulated clock. Deliveries are captured by a MessageSink
 * registered on the server's interconnect (the messaging service's place).
 */
class EventBridgeIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:orders";

    record Delivery(String principal, String source, String target, String body, Map<String, String> attributes) {}

    static final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    static MutableClock clock;
    static VigilTestServer vigil;
    static EventBridgeClient events;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-30T12:00:30Z"));
        vigil = VigilTestServer.start(c -> c, clock);
        vigil.server().interconnect().register(MessageSink.class,
                (principal, source, target, body, attrs) -> deliveries.add(new Delivery(principal, source, target, body, attrs)));
        events = vigil.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void stop() {
        if (events != null) events.close();
        if (vigil != null) vigil.close();
    }

    static Delivery awaitDelivery(Predicate<Delivery> which) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            synchronized (deliveries) {
                for (Delivery d : deliveries) if (which.test(d)) return d;
            }
            Thread.sleep(50); // waits for the delivery worker; behaviour is driven by the clock, not by this sleep
        }
        throw new AssertionError("no delivery arrived; have " + deliveries);
    }

    @Test
    void busesAndTheirErrors() {
        assertThat(events.describeEventBus(r -> { }).arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
        String arn = events.createEventBus(r -> r.name("it-orders").description("orders").tags(Tag.builder().key("k").value("v").build()))
                .eventBusArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/it-orders");
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("it-orders")))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Event bus it-orders already exists.");
                });
        assertThat(events.listEventBuses(r -> r.namePrefix("it-ord")).eventBuses()).extracting(EventBus::name)
                .containsExactly("it-orders");
        assertThat(events.listTagsForResource(r -> r.resourceARN(arn)).tags()).extracting(Tag::key).containsExactly("k");
        events.updateEventBus(r -> r.name("it-orders").description("changed"));
        assertThat(events.describeEventBus(r -> r.name(arn)).description()).isEqualTo("changed");
        events.deleteEventBus(r -> r.name("it-orders"));
        assertThatThrownBy(() -> events.describeEventBus(r -> r.name("it-orders")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Event bus it-orders does not exist."));
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("bad name!")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("failed to satisfy constraint");
                });
    }

    @Test
    void rulesAndTestEventPattern() {
        String arn = events.putRule(r -> r.name("it-rule").eventPattern("{\"source\": [{\"prefix\": \"com.\"}]}")
                .state(RuleState.DISABLED).description("d")).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/it-rule");
        assertThat(events.describeRule(r -> r.name("it-rule")).state()).isEqualTo(RuleState.DISABLED);
        events.enableRule(r -> r.name("it-rule"));
        assertThat(events.listRules(r -> r.namePrefix("it-rule")).rules()).extracting(Rule::state)
                .containsExactly(RuleState.ENABLED);
        assertThatThrownBy(() -> events.putRule(r -> r.name("it-bad").eventPattern("{\"source\": \"x\"}")))
                .isInstanceOfSatisfying(InvalidEventPatternException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("Event pattern is not valid. Reason: "));
        events.putTargets(r -> r.rule("it-rule").targets(t -> t.id("q").arn(QUEUE)));
        assertThatThrownBy(() -> events.deleteRule(r -> r.name("it-rule")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rule can't be deleted since it has targets.");
                });
        assertThat(events.listRuleNamesByTarget(r -> r.targetArn(QUEUE)).ruleNames()).contains("it-rule");
        events.removeTargets(r -> r.rule("it-rule").ids("q"));
        events.deleteRule(r -> r.name("it-rule"));

        String event = "{\"id\": \"1\", \"account\": \"000000000000\", \"source\": \"com.shop\", \"time\": \"2026-11-30T12:00:00Z\","
                + " \"region\": \"us-east-1\", \"resources\": [], \"detail-type\": \"Order\", \"detail\": {\"total\": 12}}";
        assertThat(events.testEventPattern(r -> r.event(event)
                .eventPattern("{\"detail\": {\"total\": [{\"numeric\": [\">\", 10]}]}}")).result()).isTrue();
        assertThat(events.testEventPattern(r -> r.event(event)
                .eventPattern("{\"detail\": {\"total\": [{\"numeric\": [\">\", 20]}]}}")).result()).isFalse();
        assertThatThrownBy(() -> events.testEventPattern(r -> r.event("{\"source\": \"x\"}").eventPattern("{\"source\": [\"x\"]}")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Parameter Event is not valid."));
    }

    @Test
    void ruleToSqsWithAnInputTransformer() throws Exception {
        events.putRule(r -> r.name("it-big-orders")
                .eventPattern("{\"source\": [\"it.shop\"], \"detail\": {\"total\": [{\"numeric\": [\">=\", 100]}]}}"));
        events.putTargets(r -> r.rule("it-big-orders").targets(t -> t.id("sqs").arn(QUEUE).inputTransformer(x -> x
                .inputPathsMap(Map.of("order", "$.detail.order", "total", "$.detail.total"))
                .inputTemplate("{\"message\": \"order <order> totals <total>\", \"total\": <total>, \"rule\": <aws.events.rule-arn>}"))));
        PutEventsResponse put = events.putEvents(r -> r.entries(
                e -> e.source("it.shop").detailType("Order Placed").detail("{\"order\": \"o-7\", \"total\": 150}"),
                e -> e.source("it.shop").detailType("Order Placed").detail("{\"order\": \"o-8\", \"total\": 5}"),
                e -> e.source("aws.ec2").detailType("x").detail("{}"),
                e -> e.source("it.shop").detailType("Order Placed").detail("[1")));
        assertThat(put.failedEntryCount()).isEqualTo(2);
        assertThat(put.entries().get(2).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(put.entries().get(3).errorCode()).isEqualTo("MalformedDetail");

        Delivery d = awaitDelivery(x -> x.body().contains("o-7"));
        assertThat(d.target()).isEqualTo(QUEUE);
        assertThat(d.principal()).isEqualTo("events.amazonaws.com");
        assertThat(d.source()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/it-big-orders");
        JsonNode body = JSON.readTree(d.body());
        assertThat(body.get("message").asText()).isEqualTo("order o-7 totals 150");
        assertThat(body.get("total").asInt()).isEqualTo(150);
        assertThat(body.get("rule").asText()).isEqualTo(d.source());
        assertThat(deliveries).noneMatch(x -> x.body().contains("o-8"));
    }

    @Test
    void aCrossAccountBusAcceptsEventsOnlyAfterPutPermission() throws Exception {
        String busArn = events.createEventBus(r -> r.name("it-shared")).eventBusArn();
        events.putRule(r -> r.name("it-from-partner").eventBusName("it-shared").eventPattern("{\"source\": [\"partner.app\"]}"));
        events.putTargets(r -> r.rule("it-from-partner").eventBusName("it-shared").targets(t -> t.id("q").arn(QUEUE)));
        try (EventBridgeClient partner = vigil.client(EventBridgeClient.builder(), "111122223333", "secret")) {
            assertThatThrownBy(() -> partner.putEvents(r -> r.entries(e -> e.eventBusName(busArn).source("partner.app")
                    .detailType("Hello").detail("{\"n\": 1}"))))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));

            events.putPermission(r -> r.eventBusName("it-shared").action("events:PutEvents").principal("111122223333")
                    .statementId("partner"));
            assertThat(events.describeEventBus(r -> r.name("it-shared")).policy()).contains("arn:aws:iam::111122223333:root");
            PutEventsResponse put = partner.putEvents(r -> r.entries(e -> e.eventBusName(busArn).source("partner.app")
                    .detailType("Hello").detail("{\"n\": 2}")));
            assertThat(put.failedEntryCount()).isZero();
            Delivery d = awaitDelivery(x -> x.body().contains("partner.app"));
            assertThat(JSON.readTree(d.body()).get("account").asText()).isEqualTo("111122223333");
            assertThat(d.source()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/it-shared/it-from-partner");

            events.removePermission(r -> r.eventBusName("it-shared").statementId("partner"));
            assertThatThrownBy(() -> partner.putEvents(r -> r.entries(e -> e.eventBusName(busArn).source("partner.app")
                    .detailType("Hello").detail("{}"))))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void anotherAccountsRuleForwardsToABusThatAllowsIt() throws Exception {
        String central = events.createEventBus(r -> r.name("it-central")).eventBusArn();
        String closed = events.createEventBus(r -> r.name("it-closed")).eventBusArn();
        events.putRule(r -> r.name("it-collect").eventBusName("it-central").eventPattern("{\"source\": [\"member.app\"]}"));
        events.putTargets(r -> r.rule("it-collect").eventBusName("it-central").targets(t -> t.id("q").arn(QUEUE)));
        events.putPermission(r -> r.eventBusName("it-central").action("events:PutEvents").principal("222233334444")
                .statementId("member"));
        try (EventBridgeClient member = vigil.client(EventBridgeClient.builder(), "222233334444", "secret")) {
            member.putRule(r -> r.name("to-central").eventPattern("{\"source\": [\"member.app\"]}"));
            member.putTargets(r -> r.rule("to-central").targets(t -> t.id("central").arn(central), t -> t.id("closed").arn(closed)));
            member.putEvents(r -> r.entries(e -> e.source("member.app").detailType("Hello").detail("{\"n\": 3}")));
        }
        Delivery d = awaitDelivery(x -> x.body().contains("member.app"));
        assertThat(d.source()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/it-central/it-collect");
        assertThat(JSON.readTree(d.body()).get("account").asText()).isEqualTo("222233334444");
        // The bus without a policy refused: a recorded failure, retried later, never delivered.
        for (int i = 0; i < 100 && vigil.server().interconnect().failures().recent().stream()
                .noneMatch(f -> f.target().equals(closed)); i++) Thread.sleep(50);
        assertThat(vigil.server().interconnect().failures().recent())
                .anyMatch(f -> f.target().equals(closed) && f.reason().startsWith("AccessDenied: User: arn:aws:iam::222233334444:root"));
    }

    @Test
    void aScheduleFiresOnTheSimulatedClock() throws Exception {
        String arn = events.putRule(r -> r.name("it-every-minute").scheduleExpression("rate(1 minute)")).ruleArn();
        events.putTargets(r -> r.rule("it-every-minute").targets(t -> t.id("sqs").arn(QUEUE)));
        clock.advance(Duration.ofSeconds(61));
        Delivery d = awaitDelivery(x -> x.body().contains("Scheduled Event"));
        JsonNode event = JSON.readTree(d.body());
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("resources").get(0).asText()).isEqualTo(arn);
        events.disableRule(r -> r.name("it-every-minute"));
    }
}
