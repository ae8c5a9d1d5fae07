package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.*;

/** Buses, rules, targets, tags, PutEvents and the delivery outbox against a real database; one subclass per engine. */
abstract class EventsStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";
    static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";

    /** One captured MessageSink call. */
    record Delivered(String principal, String source, String target, String body, Map<String, String> attributes) {}

    private JdbcDatabase db;
    private MutableClock clock;
    private JdbcEventsRepository repo;
    private EventsProvider provider;
    private TargetsProvider targets;
    private EventIngest ingest;
    private ResourceTags tags;
    private Deliveries deliveries;
    private Schedules schedules;
    private Interconnect interconnect;
    private final List<Delivered> delivered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToInject = new AtomicInteger();

    abstract JdbcDatabase open();

    @BeforeEach
    void setUp() {
        db = open();
        clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        repo = new JdbcEventsRepository(db);
        interconnect = new Interconnect(new DeliveryFailures(clock));
        interconnect.register(MessageSink.class, (principal, source, target, body, attrs) -> {
            if (target.equals(QUEUE) && failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new AwsException("AWS.SimpleQueueService.NonExistentQueue", 400, "The queue does not exist.");
            }
            delivered.add(new Delivered(principal, source, target, body, attrs));
        });
        RuleMachines machines = new RuleMachines(repo, clock);
        Dispatcher dispatcher = new Dispatcher(machines, interconnect.failures());
        // The drain runs on this thread (drain()), never from the kick executor, so tests stay deterministic.
        deliveries = new Deliveries(repo, interconnect, new Dispatcher(new RuleMachines(repo, clock), interconnect.failures()), clock, false);
        provider = new EventsProvider(repo, machines, clock);
        targets = new TargetsProvider(repo, machines);
        ingest = new EventIngest(repo, dispatcher, deliveries, clock);
        tags = new ResourceTags(repo);
        schedules = new Schedules(repo, dispatcher, deliveries, clock);
    }

    @AfterEach
    void tearDown() {
        deliveries.close();
        db.close();
    }

    private RequestContext ctx() {
        return new RequestContext("req", clock.instant(), REGION, Caller.root(ACCOUNT, "AKIDEXAMPLE"), "127.0.0.1",
                null, "events", "Test");
    }

    private static AwsException error(Runnable r) {
        try {
            r.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AwsException");
    }

    // ---- buses

    @Test
    void theDefaultBusAlwaysExistsAndCustomBusesComeAndGo() {
        var d = provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().build());
        assertThat(d.name()).isEqualTo("default");
        assertThat(d.arn()).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/default");

        var created = provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("orders").description("Orders")
                .tags(Tag.builder().key("team").value("a").build()).build());
        assertThat(created.eventBusArn()).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/orders");
        AwsException dup = error(() -> provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("orders").build()));
        assertThat(dup.code()).isEqualTo("ResourceAlreadyExistsException");
        assertThat(dup.getMessage()).isEqualTo("Event bus orders already exists.");
        assertThat(error(() -> provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("default").build()))
                .code()).isEqualTo("ResourceAlreadyExistsException");

        assertThat(provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().name(created.eventBusArn()).build())
                .description()).isEqualTo("Orders");
        assertThat(tags.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceARN(created.eventBusArn())
                .build()).tags()).containsExactly(Tag.builder().key("team").value("a").build());

        provider.updateEventBus(ctx(), UpdateEventBusRequest.builder().name("orders").description("New").build());
        assertThat(provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().name("orders").build()).description())
                .isEqualTo("New");

        var page1 = provider.listEventBuses(ctx(), ListEventBusesRequest.builder().limit(1).build());
        assertThat(page1.eventBuses()).extracting(EventBus::name).containsExactly("default");
        var page2 = provider.listEventBuses(ctx(), ListEventBusesRequest.builder().limit(1).nextToken(page1.nextToken()).build());
        assertThat(page2.eventBuses()).extracting(EventBus::name).containsExactly("orders");
        assertThat(page2.nextToken()).isNull();
        assertThat(provider.listEventBuses(ctx(), ListEventBusesRequest.builder().namePrefix("ord").build()).eventBuses())
                .extracting(EventBus::name).containsExactly("orders");

        AwsException nodel = error(() -> provider.deleteEventBus(ctx(), DeleteEventBusRequest.builder().name("default").build()));
        assertThat(nodel.code()).isEqualTo("ValidationException");
        provider.deleteEventBus(ctx(), DeleteEventBusRequest.builder().name("orders").build());
        AwsException gone = error(() -> provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().name("orders").build()));
        assertThat(gone.code()).isEqualTo("ResourceNotFoundException");
        assertThat(gone.getMessage()).isEqualTo("Event bus orders does not exist.");
        assertThat(repo.tags(ACCOUNT, REGION, created.eventBusArn())).isEmpty();
    }

    @Test
    void concurrentCreationsOfOneBusHaveOneWinnerAndConcurrentPutRulesNoFailure() throws Exception {
        Instant now = clock.instant();
        List<Boolean> wins = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            threads.add(new Thread(() -> {
                try {
                    wins.add(repo.createBus(new Bus(ACCOUNT, REGION, "race", "d" + n, null, now, now)));
                    repo.saveRule(new EventRule(ACCOUNT, REGION, "race", "r", "{\"source\": [\"s" + n + "\"]}", null,
                            EventRule.ENABLED, null, null, ACCOUNT, now, null));
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        assertThat(errors).isEmpty();
        assertThat(wins).containsOnlyOnce(true).hasSize(8);
        assertThat(repo.rules(ACCOUNT, REGION, "race", null, 0)).hasSize(1);
    }

    // ---- rules

    @Test
    void rulesAreValidatedListedToggledAndDeletedOnlyWithoutTargets() {
        String pattern = "{\"source\": [\"shop\"]}";
        var arn = provider.putRule(ctx(), PutRuleRequest.builder().name("r1").eventPattern(pattern).build()).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/r1");
        provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("orders").build());
        assertThat(provider.putRule(ctx(), PutRuleRequest.builder().name("r1").eventBusName("orders").eventPattern(pattern)
                .build()).ruleArn()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/orders/r1");
        provider.putRule(ctx(), PutRuleRequest.builder().name("r2").eventPattern(pattern).state("DISABLED").build());
        provider.putRule(ctx(), PutRuleRequest.builder().name("x3").eventPattern(pattern).build());

        AwsException neither = error(() -> provider.putRule(ctx(), PutRuleRequest.builder().name("r9").build()));
        assertThat(neither.getMessage()).isEqualTo("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        AwsException bad = error(() -> provider.putRule(ctx(), PutRuleRequest.builder().name("r9")
                .eventPattern("{\"source\": \"shop\"}").build()));
        assertThat(bad.code()).isEqualTo("InvalidEventPatternException");
        assertThat(bad.getMessage()).startsWith("Event pattern is not valid. Reason: ");
        assertThat(error(() -> provider.putRule(ctx(), PutRuleRequest.builder().name("r9").eventBusName("nope")
                .eventPattern(pattern).build())).getMessage()).isEqualTo("Event bus nope does not exist.");
        assertThat(error(() -> provider.putRule(ctx(), PutRuleRequest.builder().name("r9").eventBusName("orders")
                .scheduleExpression("rate(5 minutes)").build())).code()).isEqualTo("ValidationException");
        assertThat(repo.rule(ACCOUNT, REGION, "default", "r9")).isEmpty();

        var d = provider.describeRule(ctx(), DescribeRuleRequest.builder().name("r2").build());
        assertThat(d.stateAsString()).isEqualTo("DISABLED");
        assertThat(d.eventBusName()).isEqualTo("default");
        assertThat(d.createdBy()).isEqualTo(ACCOUNT);
        AwsException missing = error(() -> provider.describeRule(ctx(), DescribeRuleRequest.builder().name("zz").build()));
        assertThat(missing.getMessage()).isEqualTo("Rule zz does not exist on EventBus default.");

        var p1 = provider.listRules(ctx(), ListRulesRequest.builder().namePrefix("r").limit(1).build());
        assertThat(p1.rules()).extracting(Rule::name).containsExactly("r1");
        var p2 = provider.listRules(ctx(), ListRulesRequest.builder().namePrefix("r").limit(1).nextToken(p1.nextToken()).build());
        assertThat(p2.rules()).extracting(Rule::name).containsExactly("r2");
        assertThat(p2.nextToken()).isNull();

        provider.enableRule(ctx(), EnableRuleRequest.builder().name("r2").build());
        assertThat(provider.describeRule(ctx(), DescribeRuleRequest.builder().name("r2").build()).stateAsString())
                .isEqualTo("ENABLED");
        provider.disableRule(ctx(), DisableRuleRequest.builder().name("r2").build());
        assertThat(error(() -> provider.enableRule(ctx(), EnableRuleRequest.builder().name("zz").build())).code())
                .isEqualTo("ResourceNotFoundException");

        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r1").targets(Target.builder().id("q").arn(QUEUE).build())
                .build());
        AwsException hasTargets = error(() -> provider.deleteRule(ctx(), DeleteRuleRequest.builder().name("r1").build()));
        assertThat(hasTargets.code()).isEqualTo("ValidationException");
        assertThat(hasTargets.getMessage()).isEqualTo("Rule can't be deleted since it has targets.");
        assertThat(targets.listRuleNamesByTarget(ctx(), ListRuleNamesByTargetRequest.builder().targetArn(QUEUE).build())
                .ruleNames()).containsExactly("r1");
        targets.removeTargets(ctx(), RemoveTargetsRequest.builder().rule("r1").ids("q").build());
        provider.deleteRule(ctx(), DeleteRuleRequest.builder().name("r1").build());
        assertThat(repo.rule(ACCOUNT, REGION, "default", "r1")).isEmpty();
    }

    @Test
    void atMostFiveTargetsARuleAndABadRequestChangesNothing() {
        provider.putRule(ctx(), PutRuleRequest.builder().name("r").eventPattern("{\"source\": [\"shop\"]}").build());
        List<Target> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) five.add(Target.builder().id("t" + i).arn(QUEUE + i).build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r").targets(five).build());
        AwsException limit = error(() -> targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r")
                .targets(Target.builder().id("t6").arn(QUEUE).build()).build()));
        assertThat(limit.code()).isEqualTo("LimitExceededException");
        // Replacing an existing id stays within the limit.
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r").targets(Target.builder().id("t1").arn(QUEUE)
                .input("{\"a\": 1}").build()).build());
        var listed = targets.listTargetsByRule(ctx(), ListTargetsByRuleRequest.builder().rule("r").limit(2).build());
        assertThat(listed.targets()).extracting(Target::id).containsExactly("t1", "t2");
        assertThat(listed.targets().get(0).input()).isEqualTo("{\"a\": 1}");
        var rest = targets.listTargetsByRule(ctx(), ListTargetsByRuleRequest.builder().rule("r").nextToken(listed.nextToken())
                .build());
        assertThat(rest.targets()).extracting(Target::id).containsExactly("t3", "t4", "t5");

        AwsException both = error(() -> targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r").targets(
                Target.builder().id("t2").arn(QUEUE).input("{}").inputPath("$.detail").build()).build()));
        assertThat(both.code()).isEqualTo("ValidationException");
        assertThat(repo.targets(ACCOUNT, REGION, "default", "r").get(1).input()).isNull();
        assertThat(error(() -> targets.putTargets(ctx(), PutTargetsRequest.builder().rule("zz")
                .targets(Target.builder().id("a").arn(QUEUE).build()).build())).code()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void tagsOnRules() {
        String arn = provider.putRule(ctx(), PutRuleRequest.builder().name("r").eventPattern("{\"source\": [\"shop\"]}")
                .build()).ruleArn();
        tags.tagResource(ctx(), TagResourceRequest.builder().resourceARN(arn).tags(Tag.builder().key("k1").value("v1").build(),
                Tag.builder().key("k2").value("v2").build()).build());
        tags.untagResource(ctx(), UntagResourceRequest.builder().resourceARN(arn).tagKeys("k1").build());
        assertThat(tags.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceARN(arn).build()).tags())
                .extracting(Tag::key).containsExactly("k2");
        AwsException reserved = error(() -> tags.tagResource(ctx(), TagResourceRequest.builder().resourceARN(arn)
                .tags(Tag.builder().key("aws:x").value("v").build()).build()));
        assertThat(reserved.code()).isEqualTo("ValidationException");
        AwsException missing = error(() -> tags.listTagsForResource(ctx(), ListTagsForResourceRequest.builder()
                .resourceARN("arn:aws:events:us-east-1:123456789012:rule/nope").build()));
        assertThat(missing.code()).isEqualTo("ResourceNotFoundException");
    }

    // ---- resource policies

    @Test
    void putAndRemovePermissionBuildTheBusPolicy() {
        BusPolicies policies = new BusPolicies(repo, clock);
        String busArn = "arn:aws:events:us-east-1:123456789012:event-bus/default";
        assertThat(policies.policyFor(busArn)).isEmpty();
        policies.putPermission(ctx(), PutPermissionRequest.builder().action("events:PutEvents").principal("111122223333")
                .statementId("acct").build());
        policies.putPermission(ctx(), PutPermissionRequest.builder().action("events:PutEvents").principal("*")
                .statementId("org").condition(Condition.builder().type("StringEquals").key("aws:PrincipalOrgID")
                        .value("o-1234567890").build()).build());
        JsonNode doc = read(policies.policyFor(busArn).orElseThrow());
        assertThat(doc.get("Statement")).hasSize(2);
        assertThat(doc.get("Statement").get(0).get("Principal").get("AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(doc.get("Statement").get(0).get("Resource").asText()).isEqualTo(busArn);
        assertThat(doc.get("Statement").get(1).get("Condition").get("StringEquals").get("aws:PrincipalOrgID").asText())
                .isEqualTo("o-1234567890");
        assertThat(provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().build()).policy())
                .isEqualTo(policies.policyFor(busArn).orElseThrow());
        assertThat(error(() -> policies.putPermission(ctx(), PutPermissionRequest.builder().action("events:PutEvents")
                .principal("111122223333").statementId("acct").build())).code()).isEqualTo("ResourceAlreadyExistsException");

        policies.removePermission(ctx(), RemovePermissionRequest.builder().statementId("acct").build());
        assertThat(read(policies.policyFor(busArn).orElseThrow()).get("Statement")).hasSize(1);
        AwsException unknown = error(() -> policies.removePermission(ctx(), RemovePermissionRequest.builder()
                .statementId("nope").build()));
        assertThat(unknown.code()).isEqualTo("ResourceNotFoundException");
        policies.removePermission(ctx(), RemovePermissionRequest.builder().removeAllPermissions(true).build());
        assertThat(policies.policyFor(busArn)).isEmpty();
        assertThat(error(() -> policies.putPermission(ctx(), PutPermissionRequest.builder().eventBusName("nope")
                .action("events:PutEvents").principal("*").statementId("s").build())).code())
                .isEqualTo("ResourceNotFoundException");
    }

    // ---- PutEvents and deliveries

    @Test
    void otherServicesPublishOnTheDefaultBusAwsSourcesIncluded() {
        provider.putRule(ctx(), PutRuleRequest.builder().name("alarms")
                .eventPattern("{\"source\": [\"aws.cloudwatch\"], \"detail-type\": [\"CloudWatch Alarm State Change\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("alarms").targets(Target.builder().id("q").arn(QUEUE).build()).build());
        RuleMachines machines = new RuleMachines(repo, clock);
        DefaultBusPublisher publisher = new DefaultBusPublisher(repo, new Dispatcher(machines, interconnect.failures()),
                deliveries, interconnect.failures(), clock);
        publisher.publish(ACCOUNT, REGION, "aws.cloudwatch", "CloudWatch Alarm State Change",
                "{\"alarmName\": \"cpu\", \"state\": {\"value\": \"ALARM\"}}",
                List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu"), clock.instant());
        publisher.publish("999999999999", REGION, "aws.cloudwatch", "CloudWatch Alarm State Change", "{}", List.of(),
                clock.instant()); // another account's bus has no rule
        deliveries.drain();
        assertThat(delivered).hasSize(1);
        JsonNode event = read(delivered.get(0).body());
        assertThat(event.get("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(event.get("detail").get("state").get("value").asText()).isEqualTo("ALARM");
        assertThat(event.get("resources").get(0).asText()).endsWith(":alarm:cpu");
    }

    private PutEventsRequestEntry entry(String source, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType("Order Placed").detail(detail).build();
    }

    @Test
    void putEventsValidatesEachEntryAndDeliversMatchesThroughTheOutbox() {
        provider.putRule(ctx(), PutRuleRequest.builder().name("big-orders")
                .eventPattern("{\"source\": [\"shop\"], \"detail\": {\"total\": [{\"numeric\": [\">\", 100]}]}}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("big-orders").targets(
                Target.builder().id("whole").arn(QUEUE).build(),
                Target.builder().id("shaped").arn("arn:aws:sns:us-east-1:123456789012:alerts").inputTransformer(
                        InputTransformer.builder().inputPathsMap(Map.of("id", "$.detail.id", "total", "$.detail.total"))
                                .inputTemplate("{\"text\": \"order <id> of <total>\", \"total\": <total>, \"rule\": \"<aws.events.rule-name>\"}")
                                .build()).build()).build());

        var r = ingest.putEvents(ctx(), PutEventsRequest.builder().entries(
                entry("shop", "{\"id\": \"o-1\", \"total\": 250}"),
                entry("shop", "{\"id\": \"o-2\", \"total\": 5}"),
                PutEventsRequestEntry.builder().detailType("x").detail("{}").build(),
                entry("shop", "not json"),
                entry("aws.ec2", "{}"),
                entry("shop", "{}").toBuilder().eventBusName("nope").build()).build());
        assertThat(r.failedEntryCount()).isEqualTo(4);
        assertThat(r.entries().get(0).eventId()).isNotNull();
        assertThat(r.entries().get(1).eventId()).isNotNull();
        assertThat(r.entries().get(2).errorCode()).isEqualTo("InvalidArgument");
        assertThat(r.entries().get(2).errorMessage()).isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
        assertThat(r.entries().get(3).errorCode()).isEqualTo("MalformedDetail");
        assertThat(r.entries().get(3).errorMessage()).isEqualTo("Detail is malformed.");
        assertThat(r.entries().get(4).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(r.entries().get(5).errorCode()).isEqualTo("ResourceNotFoundException");

        assertThat(repo.pendingDeliveries()).isEqualTo(2); // durable before anything is delivered
        assertThat(deliveries.drain()).isEqualTo(2);
        assertThat(repo.pendingDeliveries()).isZero();
        Delivered whole = delivered.stream().filter(d -> d.target().equals(QUEUE)).findFirst().orElseThrow();
        JsonNode event = read(whole.body());
        assertThat(event.get("id").asText()).isEqualTo(r.entries().get(0).eventId());
        assertThat(event.get("source").asText()).isEqualTo("shop");
        assertThat(event.get("detail-type").asText()).isEqualTo("Order Placed");
        assertThat(event.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(event.get("time").asText()).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(event.get("detail").get("total").asInt()).isEqualTo(250);
        assertThat(whole.principal()).isEqualTo("events.amazonaws.com");
        assertThat(whole.source()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/big-orders");
        Delivered shaped = delivered.stream().filter(d -> d.target().endsWith(":alerts")).findFirst().orElseThrow();
        assertThat(shaped.body()).isEqualTo("{\"text\": \"order o-1 of 250\", \"total\": 250, \"rule\": \"big-orders\"}");
    }

    @Test
    void aBusTargetPutsTheEventOnThatBusOnce() {
        provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("orders").build());
        String ordersArn = "arn:aws:events:us-east-1:123456789012:event-bus/orders";
        String defaultArn = "arn:aws:events:us-east-1:123456789012:event-bus/default";
        provider.putRule(ctx(), PutRuleRequest.builder().name("to-orders").eventPattern("{\"source\": [\"shop\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("to-orders").targets(Target.builder().id("b").arn(ordersArn)
                .build()).build());
        provider.putRule(ctx(), PutRuleRequest.builder().name("in-orders").eventBusName("orders")
                .eventPattern("{\"source\": [\"shop\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("in-orders").eventBusName("orders").targets(
                Target.builder().id("q").arn(QUEUE).build(), Target.builder().id("back").arn(defaultArn).build()).build());

        String id = ingest.putEvents(ctx(), PutEventsRequest.builder().entries(entry("shop", "{\"n\": 1}")).build())
                .entries().get(0).eventId();
        deliveries.drain();
        deliveries.drain();
        assertThat(repo.pendingDeliveries()).isZero();
        assertThat(delivered).hasSize(1); // the way back to the default bus would be a second hop
        assertThat(delivered.get(0).source()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/orders/in-orders");
        assertThat(read(delivered.get(0).body()).get("id").asText()).isEqualTo(id);
        assertThat(interconnect.failures().recent()).anyMatch(f -> f.target().equals(defaultArn));
    }

    @Test
    void requestsOverTheSizeLimitAreRefusedWhole() {
        String big = "{\"a\": \"" + "x".repeat(EventIngest.MAX_REQUEST_BYTES) + "\"}";
        AwsException e = error(() -> ingest.putEvents(ctx(), PutEventsRequest.builder().entries(entry("shop", big)).build()));
        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(entrySize()).isEqualTo(14 + 4 + 12 + 2 + 1 + 3);
    }

    private static int entrySize() {
        return EventIngest.entrySize(PutEventsRequestEntry.builder().time(Instant.EPOCH).source("shop")
                .detailType("Order Placed").detail("{}").resources("a", "bcd").build());
    }

    @Test
    void disabledRulesDoNotMatchAndRuleChangesApplyAtOnce() {
        provider.putRule(ctx(), PutRuleRequest.builder().name("r").eventPattern("{\"source\": [\"shop\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r").targets(Target.builder().id("q").arn(QUEUE).build()).build());
        ingest.putEvents(ctx(), PutEventsRequest.builder().entries(entry("shop", "{}")).build());
        provider.disableRule(ctx(), DisableRuleRequest.builder().name("r").build());
        ingest.putEvents(ctx(), PutEventsRequest.builder().entries(entry("shop", "{}")).build());
        assertThat(repo.pendingDeliveries()).isEqualTo(1);
    }

    @Test
    void failedDeliveriesAreRetriedThenDeadLettered() {
        provider.putRule(ctx(), PutRuleRequest.builder().name("r").eventPattern("{\"source\": [\"shop\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r").targets(Target.builder().id("q").arn(QUEUE)
                .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(2).maximumEventAgeInSeconds(3600).build())
                .deadLetterConfig(DeadLetterConfig.builder().arn(DLQ).build()).build()).build());
        failuresToInject.set(100);
        ingest.putEvents(ctx(), PutEventsRequest.builder().entries(entry("shop", "{}")).build());
        assertThat(deliveries.drain()).isEqualTo(1);             // first attempt fails
        assertThat(deliveries.drain()).isZero();                  // not due yet: backing off
        clock.advance(Duration.ofMinutes(5));
        assertThat(deliveries.drain()).isEqualTo(1);              // retry 1
        clock.advance(Duration.ofMinutes(5));
        assertThat(deliveries.drain()).isEqualTo(1);              // retry 2: exhausted
        assertThat(repo.pendingDeliveries()).isZero();
        assertThat(delivered).hasSize(1);
        Delivered dead = delivered.get(0);
        assertThat(dead.target()).isEqualTo(DLQ);
        assertThat(dead.attributes()).containsEntry("RULE_ARN", "arn:aws:events:us-east-1:123456789012:rule/r")
                .containsEntry("TARGET_ARN", QUEUE).containsEntry("ERROR_CODE", "AWS.SimpleQueueService.NonExistentQueue")
                .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttemptsExceeded")
                .containsEntry("RETRY_ATTEMPTS", "2");
        assertThat(read(dead.body()).get("source").asText()).isEqualTo("shop");
    }

    @Test
    void aDeliveryThatRecoversArrivesOnce() {
        provider.putRule(ctx(), PutRuleRequest.builder().name("r").eventPattern("{\"source\": [\"shop\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("r").targets(Target.builder().id("q").arn(QUEUE).build()).build());
        failuresToInject.set(1);
        ingest.putEvents(ctx(), PutEventsRequest.builder().entries(entry("shop", "{}")).build());
        deliveries.drain();
        assertThat(delivered).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        deliveries.drain();
        clock.advance(Duration.ofMinutes(10));
        deliveries.drain();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).target()).isEqualTo(QUEUE);
    }

    // ---- schedules

    @Test
    void aScheduleFiresOncePerTickEvenWithTwoNodes() {
        String arn = provider.putRule(ctx(), PutRuleRequest.builder().name("every5").scheduleExpression("rate(5 minutes)")
                .build()).ruleArn();
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("every5").targets(Target.builder().id("q").arn(QUEUE).build()).build());
        Schedules otherNode = new Schedules(repo, new Dispatcher(new RuleMachines(repo, clock), interconnect.failures()),
                deliveries, clock);
        assertThat(schedules.run()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(schedules.run() + otherNode.run()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(4));
        assertThat(otherNode.run()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(otherNode.run() + schedules.run()).isEqualTo(1);
        deliveries.drain();
        assertThat(delivered).hasSize(2);
        JsonNode event = read(delivered.get(0).body());
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("resources").get(0).asText()).isEqualTo(arn);
        assertThat(event.get("time").asText()).isEqualTo("2026-11-30T12:05:00Z");
        assertThat(event.get("detail").size()).isZero();

        provider.disableRule(ctx(), DisableRuleRequest.builder().name("every5").build());
        clock.advance(Duration.ofMinutes(5));
        assertThat(schedules.run()).isZero();
    }

    private static JsonNode read(String json) {
        try {
            return EventEnvelope.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
