package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.*;

/**
 * Archives, replays, partner event sources and bus settings against a real database; one subclass per engine.
 * Deliveries are drained by hand on the test thread and the replay job is run by hand, so nothing races.
 */
abstract class ArchiveStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String PARTNER = "210987654321";
    static final String REGION = "us-east-1";
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";
    static final String OTHER_QUEUE = "arn:aws:sqs:us-east-1:123456789012:other";
    static final String BUS_ARN = "arn:aws:events:us-east-1:123456789012:event-bus/default";

    /** One captured MessageSink call. */
    record Delivered(String source, String target, String body) {}

    private JdbcDatabase db;
    private MutableClock clock;
    private JdbcEventsRepository repo;
    private JdbcArchiveRepository store;
    private EventsProvider provider;
    private TargetsProvider targets;
    private EventIngest ingest;
    private Deliveries deliveries;
    private Archives archives;
    private Replays replays;
    private PartnerSources partners;
    private final List<Delivered> delivered = Collections.synchronizedList(new ArrayList<>());

    abstract JdbcDatabase open();

    @BeforeEach
    void setUp() {
        db = open();
        clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        repo = new JdbcEventsRepository(db);
        store = new JdbcArchiveRepository(db);
        Interconnect interconnect = new Interconnect(new DeliveryFailures(clock));
        interconnect.register(MessageSink.class, (principal, source, target, body, attrs) ->
                delivered.add(new Delivered(source, target, body)));
        RuleMachines machines = new RuleMachines(repo, clock);
        Dispatcher dispatcher = new Dispatcher(machines, interconnect.failures());
        deliveries = new Deliveries(repo, interconnect, dispatcher, clock, false);
        archives = new Archives(store, repo, clock);
        deliveries.archiveInto(archives, store);
        replays = new Replays(store, repo, dispatcher, deliveries, clock);
        partners = new PartnerSources(store, repo, dispatcher, archives, deliveries, clock);
        provider = new EventsProvider(repo, machines, clock, partners, store);
        targets = new TargetsProvider(repo, machines);
        ingest = new EventIngest(repo, dispatcher, deliveries, clock, archives, store);
    }

    @AfterEach
    void tearDown() {
        deliveries.close();
        db.close();
    }

    private RequestContext ctx() { return ctx(ACCOUNT); }

    private RequestContext ctx(String account) {
        return new RequestContext("req", clock.instant(), REGION, Caller.root(account, "AKIDEXAMPLE"), "127.0.0.1",
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

    private static JsonNode read(String json) {
        try {
            return EventEnvelope.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void put(String source, String detail) {
        var r = ingest.putEvents(ctx(), PutEventsRequest.builder().entries(PutEventsRequestEntry.builder().source(source)
                .detailType("t").detail(detail).build()).build());
        assertThat(r.failedEntryCount()).isZero();
    }

    private String rule(String name, String pattern, String queue) {
        String arn = provider.putRule(ctx(), PutRuleRequest.builder().name(name).eventPattern(pattern).build()).ruleArn();
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule(name).targets(Target.builder().id("q").arn(queue)
                .build()).build());
        return arn;
    }

    // ---- archives

    @Test
    void archivesKeepWhatTheirPatternMatchesWithCurrentCountsAndSizes() {
        var created = archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("shop")
                .eventSourceArn(BUS_ARN).eventPattern("{\"source\": [\"shop\"]}").description("d").build());
        assertThat(created.archiveArn()).isEqualTo("arn:aws:events:us-east-1:123456789012:archive/shop");
        assertThat(created.stateAsString()).isEqualTo("ENABLED");
        archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("all").eventSourceArn(BUS_ARN)
                .retentionDays(1).build());

        AwsException dup = error(() -> archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("shop")
                .eventSourceArn(BUS_ARN).build()));
        assertThat(dup.code()).isEqualTo("ResourceAlreadyExistsException");
        assertThat(dup.getMessage()).isEqualTo("Archive shop already exists.");
        AwsException noBus = error(() -> archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("x")
                .eventSourceArn("arn:aws:events:us-east-1:123456789012:event-bus/nope").build()));
        assertThat(noBus.getMessage()).isEqualTo("Event bus nope does not exist.");
        AwsException badPattern = error(() -> archives.createArchive(ctx(), CreateArchiveRequest.builder()
                .archiveName("x").eventSourceArn(BUS_ARN).eventPattern("{\"source\": \"shop\"}").build()));
        assertThat(badPattern.code()).isEqualTo("InvalidEventPatternException");
        assertThat(store.archive(ACCOUNT, REGION, "x")).isEmpty();

        put("shop", "{\"n\": 1}");
        put("shop", "{\"n\": 2}");
        put("other", "{\"n\": 3}");

        var shop = archives.describeArchive(ctx(), DescribeArchiveRequest.builder().archiveName("shop").build());
        assertThat(shop.eventCount()).isEqualTo(2);
        assertThat(shop.sizeBytes()).isPositive();
        assertThat(shop.eventSourceArn()).isEqualTo(BUS_ARN);
        assertThat(shop.eventPattern()).isEqualTo("{\"source\": [\"shop\"]}");
        assertThat(shop.retentionDays()).isZero();
        var all = archives.describeArchive(ctx(), DescribeArchiveRequest.builder().archiveName("all").build());
        assertThat(all.eventCount()).isEqualTo(3);
        assertThat(all.sizeBytes()).isGreaterThan(shop.sizeBytes());

        var p1 = archives.listArchives(ctx(), ListArchivesRequest.builder().limit(1).build());
        assertThat(p1.archives()).extracting(Archive::archiveName).containsExactly("all");
        assertThat(p1.archives().get(0).eventCount()).isEqualTo(3);
        var p2 = archives.listArchives(ctx(), ListArchivesRequest.builder().limit(1).nextToken(p1.nextToken()).build());
        assertThat(p2.archives()).extracting(Archive::archiveName).containsExactly("shop");
        assertThat(p2.nextToken()).isNull();
        assertThat(archives.listArchives(ctx(), ListArchivesRequest.builder().namePrefix("sh").build()).archives())
                .extracting(Archive::archiveName).containsExactly("shop");
        assertThat(archives.listArchives(ctx(), ListArchivesRequest.builder().eventSourceArn(
                "arn:aws:events:us-east-1:123456789012:event-bus/other").build()).archives()).isEmpty();
        assertThat(archives.listArchives(ctx(), ListArchivesRequest.builder().state("DISABLED").build()).archives())
                .isEmpty();
        assertThat(error(() -> archives.listArchives(ctx(), ListArchivesRequest.builder().namePrefix("sh")
                .state("ENABLED").build())).getMessage())
                .isEqualTo("At most one filter is allowed for ListArchives. Use either : State, EventSourceArn, or NamePrefix.");

        // A narrower pattern applies to what arrives next; retention sweeps by archive time.
        archives.updateArchive(ctx(), UpdateArchiveRequest.builder().archiveName("all")
                .eventPattern("{\"source\": [\"other\"]}").build());
        put("shop", "{\"n\": 4}");
        assertThat(store.archiveStats(ACCOUNT, REGION, "all")[0]).isEqualTo(3);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        put("other", "{\"n\": 5}");
        assertThat(archives.sweep()).isEqualTo(3);
        assertThat(store.archiveStats(ACCOUNT, REGION, "all")[0]).isEqualTo(1);
        assertThat(store.archiveStats(ACCOUNT, REGION, "shop")[0]).isEqualTo(3); // retention 0: forever

        // Events AWS services put on the default bus are archived too.
        new DefaultBusPublisher(repo, new Dispatcher(new RuleMachines(repo, clock), new DeliveryFailures(clock)),
                deliveries, new DeliveryFailures(clock), clock, archives, store).publish(ACCOUNT, REGION, "aws.cloudwatch",
                "CloudWatch Alarm State Change", "{}", List.of(), null);
        assertThat(store.archiveStats(ACCOUNT, REGION, "shop")[0]).isEqualTo(3);
        archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("aws").eventSourceArn(BUS_ARN)
                .eventPattern("{\"source\": [{\"prefix\": \"aws.\"}]}").build());
        new DefaultBusPublisher(repo, new Dispatcher(new RuleMachines(repo, clock), new DeliveryFailures(clock)),
                deliveries, new DeliveryFailures(clock), clock, archives, store).publish(ACCOUNT, REGION, "aws.cloudwatch",
                "CloudWatch Alarm State Change", "{}", List.of(), null);
        assertThat(store.archiveStats(ACCOUNT, REGION, "aws")[0]).isEqualTo(1);

        // The archives' managed rules show as AWS shows them, and cannot be changed.
        var listed = provider.listRules(ctx(), ListRulesRequest.builder().build()).rules();
        assertThat(listed).extracting(Rule::name).containsExactly("Events-Archive-all", "Events-Archive-aws",
                "Events-Archive-shop");
        assertThat(listed).extracting(Rule::managedBy).containsOnly("prod.vhs.events.aws.internal");
        assertThat(read(listed.get(2).eventPattern())).isEqualTo(read(
                "{\"source\": [\"shop\"], \"replay-name\": [{\"exists\": false}]}"));
        assertThat(read(listed.get(0).eventPattern())).isEqualTo(read(
                "{\"source\": [\"other\"], \"replay-name\": [{\"exists\": false}]}"));
        var managed = provider.describeRule(ctx(), DescribeRuleRequest.builder().name("Events-Archive-shop").build());
        assertThat(managed.managedBy()).isEqualTo("prod.vhs.events.aws.internal");
        assertThat(managed.arn()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/Events-Archive-shop");
        assertThat(error(() -> provider.disableRule(ctx(), DisableRuleRequest.builder().name("Events-Archive-shop")
                .build())).code()).isEqualTo("ManagedRuleException");
        assertThat(error(() -> provider.putRule(ctx(), PutRuleRequest.builder().name("Events-Archive-shop")
                .eventPattern("{\"source\": [\"x\"]}").build())).code()).isEqualTo("ManagedRuleException");
        assertThat(error(() -> provider.deleteRule(ctx(), DeleteRuleRequest.builder().name("Events-Archive-shop")
                .force(true).build())).code()).isEqualTo("ManagedRuleException");
        var page = provider.listRules(ctx(), ListRulesRequest.builder().limit(2).build());
        assertThat(provider.listRules(ctx(), ListRulesRequest.builder().nextToken(page.nextToken()).build()).rules())
                .extracting(Rule::name).containsExactly("Events-Archive-shop");

        archives.deleteArchive(ctx(), DeleteArchiveRequest.builder().archiveName("shop").build());
        assertThat(provider.listRules(ctx(), ListRulesRequest.builder().build()).rules()).extracting(Rule::name)
                .containsExactly("Events-Archive-all", "Events-Archive-aws");
        AwsException gone = error(() -> archives.describeArchive(ctx(), DescribeArchiveRequest.builder()
                .archiveName("shop").build()));
        assertThat(gone.code()).isEqualTo("ResourceNotFoundException");
        assertThat(gone.getMessage()).isEqualTo("Archive shop does not exist.");
        assertThat(store.archiveStats(ACCOUNT, REGION, "shop")[0]).isZero();
    }

    @Test
    void eventsForwardedFromAnotherBusAreArchivedOnTheBusReceivingThem() {
        String orders = provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("orders").build()).eventBusArn();
        archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("orders").eventSourceArn(orders).build());
        rule("to-orders", "{\"source\": [\"shop\"]}", orders);
        put("shop", "{\"n\": 1}");
        assertThat(store.archiveStats(ACCOUNT, REGION, "orders")[0]).isZero(); // not yet on that bus
        deliveries.drain();
        assertThat(store.archiveStats(ACCOUNT, REGION, "orders")[0]).isEqualTo(1);
        assertThat(repo.pendingDeliveries()).isZero();
    }

    // ---- replays

    @Test
    void aReplayRedeliversTheWindowWithReplayNameThroughTheRulesItNames() {
        String archiveArn = archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("a")
                .eventSourceArn(BUS_ARN).build()).archiveArn();
        String orders = rule("orders", "{\"source\": [\"shop\"]}", QUEUE);
        rule("others", "{\"source\": [\"shop\"]}", OTHER_QUEUE);
        Instant start = clock.instant();
        put("shop", "{\"n\": 1}");
        clock.advance(Duration.ofMinutes(1));
        put("shop", "{\"n\": 2}");
        clock.advance(Duration.ofMinutes(1));
        put("shop", "{\"n\": 3}"); // outside the window below
        deliveries.drain();
        assertThat(delivered).hasSize(6);
        delivered.clear();
        clock.advance(Duration.ofMinutes(5));

        AwsException cross = error(() -> replays.startReplay(ctx(), StartReplayRequest.builder().replayName("r")
                .eventSourceArn(archiveArn).eventStartTime(start).eventEndTime(start.plusSeconds(90))
                .destination(ReplayDestination.builder().arn("arn:aws:events:us-east-1:123456789012:event-bus/x").build())
                .build()));
        assertThat(cross.code()).isEqualTo("ValidationException");
        assertThat(cross.getMessage())
                .isEqualTo("Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.");
        AwsException noArchive = error(() -> replays.startReplay(ctx(), StartReplayRequest.builder().replayName("r")
                .eventSourceArn("arn:aws:events:us-east-1:123456789012:archive/zz").eventStartTime(start)
                .eventEndTime(start.plusSeconds(90)).destination(ReplayDestination.builder().arn(BUS_ARN).build()).build()));
        assertThat(noArchive.code()).isEqualTo("ValidationException");
        assertThat(noArchive.getMessage()).isEqualTo("Parameter EventSourceArn is not valid. Reason: Archive zz does not exist.");
        AwsException backwards = error(() -> replays.startReplay(ctx(), StartReplayRequest.builder().replayName("r")
                .eventSourceArn(archiveArn).eventStartTime(start.plusSeconds(90)).eventEndTime(start)
                .destination(ReplayDestination.builder().arn(BUS_ARN).build()).build()));
        assertThat(backwards.getMessage())
                .isEqualTo("Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");

        var started = replays.startReplay(ctx(), StartReplayRequest.builder().replayName("r").eventSourceArn(archiveArn)
                .eventStartTime(start).eventEndTime(start.plusSeconds(90))
                .destination(ReplayDestination.builder().arn(BUS_ARN).filterArns(orders).build()).build());
        assertThat(started.replayArn()).isEqualTo("arn:aws:events:us-east-1:123456789012:replay/r");
        assertThat(started.stateAsString()).isEqualTo("STARTING");
        assertThat(error(() -> replays.startReplay(ctx(), StartReplayRequest.builder().replayName("r")
                .eventSourceArn(archiveArn).eventStartTime(start).eventEndTime(start.plusSeconds(90))
                .destination(ReplayDestination.builder().arn(BUS_ARN).build()).build())).code())
                .isEqualTo("ResourceAlreadyExistsException");

        assertThat(replays.run()).isEqualTo(2);
        deliveries.drain();
        assertThat(delivered).extracting(Delivered::target).containsOnly(QUEUE).hasSize(2);
        assertThat(delivered).extracting(d -> read(d.body()).get("replay-name").asText()).containsOnly("r");
        assertThat(delivered).extracting(d -> read(d.body()).at("/detail/n").asInt()).containsExactly(1, 2);
        var d = replays.describeReplay(ctx(), DescribeReplayRequest.builder().replayName("r").build());
        assertThat(d.stateAsString()).isEqualTo("COMPLETED");
        assertThat(d.eventLastReplayedTime()).isEqualTo(start.plusSeconds(60));
        assertThat(d.replayEndTime()).isNotNull();
        assertThat(d.destination().filterArns()).containsExactly(orders);
        // Replayed events are not archived again, and a finished replay replays nothing more.
        assertThat(store.archiveStats(ACCOUNT, REGION, "a")[0]).isEqualTo(3);
        assertThat(replays.run()).isZero();

        AwsException finished = error(() -> replays.cancelReplay(ctx(), CancelReplayRequest.builder().replayName("r").build()));
        assertThat(finished.code()).isEqualTo("IllegalStatusException");
        assertThat(finished.getMessage()).isEqualTo("Replay r is not in a valid state for this operation.");
        assertThat(error(() -> replays.describeReplay(ctx(), DescribeReplayRequest.builder().replayName("zz").build()))
                .getMessage()).isEqualTo("Replay zz does not exist.");
        assertThat(replays.listReplays(ctx(), ListReplaysRequest.builder().state("COMPLETED").build()).replays())
                .extracting(Replay::replayName).containsExactly("r");
    }

    @Test
    void aCancelledReplayStopsAndAnInterruptedOneResumesAfterItsLastCommittedEvent() {
        String archiveArn = archives.createArchive(ctx(), CreateArchiveRequest.builder().archiveName("a")
                .eventSourceArn(BUS_ARN).build()).archiveArn();
        rule("orders", "{\"source\": [\"shop\"]}", QUEUE);
        Instant start = clock.instant();
        for (int i = 1; i <= 3; i++) {
            put("shop", "{\"n\": " + i + "}");
            clock.advance(Duration.ofSeconds(10));
        }
        deliveries.drain();
        delivered.clear();

        replays.startReplay(ctx(), StartReplayRequest.builder().replayName("c").eventSourceArn(archiveArn)
                .eventStartTime(start).eventEndTime(clock.instant()).destination(ReplayDestination.builder()
                        .arn(BUS_ARN).build()).build());
        var cancel = replays.cancelReplay(ctx(), CancelReplayRequest.builder().replayName("c").build());
        assertThat(cancel.stateAsString()).isEqualTo("CANCELLING");
        assertThat(replays.run()).isZero();
        assertThat(replays.describeReplay(ctx(), DescribeReplayRequest.builder().replayName("c").build())
                .stateAsString()).isEqualTo("CANCELLED");

        // A node committed the first event's batch and died: the job resumes after it.
        replays.startReplay(ctx(), StartReplayRequest.builder().replayName("k").eventSourceArn(archiveArn)
                .eventStartTime(start).eventEndTime(clock.instant()).destination(ReplayDestination.builder()
                        .arn(BUS_ARN).build()).build());
        EventReplay k = store.replay(ACCOUNT, REGION, "k").orElseThrow();
        assertThat(store.transition(k, List.of("STARTING"), "RUNNING", null, null)).isTrue();
        ArchivedEvent first = store.archivedEvents(ACCOUNT, REGION, "a", start, clock.instant(), start, 0, 1).get(0);
        assertThat(store.advance(store.replay(ACCOUNT, REGION, "k").orElseThrow(), first.eventTime(), first.id(),
                () -> { })).isTrue();
        assertThat(replays.describeReplay(ctx(), DescribeReplayRequest.builder().replayName("k").build())
                .eventLastReplayedTime()).isEqualTo(start);
        assertThat(replays.run()).isEqualTo(2);
        deliveries.drain();
        assertThat(delivered).extracting(d -> read(d.body()).at("/detail/n").asInt()).containsExactly(2, 3);
        // A stale worker holding the old cursor cannot replay the batch twice.
        assertThat(store.advance(k, first.eventTime(), first.id(), () -> { })).isFalse();

        // Deleting the archive under an active replay fails it.
        replays.startReplay(ctx(), StartReplayRequest.builder().replayName("f").eventSourceArn(archiveArn)
                .eventStartTime(start).eventEndTime(clock.instant()).destination(ReplayDestination.builder()
                        .arn(BUS_ARN).build()).build());
        archives.deleteArchive(ctx(), DeleteArchiveRequest.builder().archiveName("a").build());
        replays.run();
        var f = replays.describeReplay(ctx(), DescribeReplayRequest.builder().replayName("f").build());
        assertThat(f.stateAsString()).isEqualTo("FAILED");
        assertThat(f.stateReason()).isEqualTo("Archive a does not exist.");
    }

    // ---- partner event sources

    @Test
    void aPartnerSourceBecomesABusThatReceivesThePartnersEvents() {
        String name = "aws.partner/example.com/" + ACCOUNT + "/orders";
        var created = partners.createPartnerEventSource(ctx(PARTNER), CreatePartnerEventSourceRequest.builder()
                .name(name).account(ACCOUNT).build());
        assertThat(created.eventSourceArn()).isEqualTo("arn:aws:events:us-east-1::event-source/" + name);
        assertThat(error(() -> partners.createPartnerEventSource(ctx(PARTNER), CreatePartnerEventSourceRequest.builder()
                .name(name).account(ACCOUNT).build())).code()).isEqualTo("ResourceAlreadyExistsException");

        var pending = partners.describeEventSource(ctx(), DescribeEventSourceRequest.builder().name(name).build());
        assertThat(pending.stateAsString()).isEqualTo("PENDING");
        assertThat(pending.createdBy()).isEqualTo("example.com");
        assertThat(partners.listEventSources(ctx(), ListEventSourcesRequest.builder().namePrefix("aws.partner/example.com/")
                .build()).eventSources()).extracting(EventSource::name).containsExactly(name);
        assertThat(partners.listEventSources(ctx(PARTNER), ListEventSourcesRequest.builder().build()).eventSources()).isEmpty();

        AwsException wrongName = error(() -> provider.createEventBus(ctx(), CreateEventBusRequest.builder()
                .name("aws.partner/example.com/x").eventSourceName(name).build()));
        assertThat(wrongName.code()).isEqualTo("ValidationException");
        AwsException unknown = error(() -> provider.createEventBus(ctx(), CreateEventBusRequest.builder()
                .name("aws.partner/nobody/x").eventSourceName("aws.partner/nobody/x").build()));
        assertThat(unknown.getMessage()).isEqualTo("Event source aws.partner/nobody/x does not exist.");
        String busArn = provider.createEventBus(ctx(), CreateEventBusRequest.builder().name(name).eventSourceName(name)
                .build()).eventBusArn();
        assertThat(busArn).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/" + name);
        assertThat(partners.describeEventSource(ctx(), DescribeEventSourceRequest.builder().name(name).build())
                .stateAsString()).isEqualTo("ACTIVE");
        assertThat(partners.listPartnerEventSourceAccounts(ctx(PARTNER), ListPartnerEventSourceAccountsRequest.builder()
                .eventSourceName(name).build()).partnerEventSourceAccounts())
                .extracting(PartnerEventSourceAccount::account, PartnerEventSourceAccount::stateAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ACCOUNT, "ACTIVE"));
        assertThat(partners.listPartnerEventSources(ctx(PARTNER), ListPartnerEventSourcesRequest.builder()
                .namePrefix("aws.partner/example.com").build()).partnerEventSources())
                .extracting(PartnerEventSource::name).containsExactly(name);

        provider.putRule(ctx(), PutRuleRequest.builder().name("p").eventBusName(name)
                .eventPattern("{\"source\": [\"" + name + "\"]}").build());
        targets.putTargets(ctx(), PutTargetsRequest.builder().rule("p").eventBusName(name).targets(Target.builder()
                .id("q").arn(QUEUE).build()).build());
        var sent = partners.putPartnerEvents(ctx(PARTNER), PutPartnerEventsRequest.builder().entries(
                PutPartnerEventsRequestEntry.builder().source(name).detailType("order").detail("{\"id\": 7}").build(),
                PutPartnerEventsRequestEntry.builder().source("aws.partner/example.com/other").detailType("order")
                        .detail("{}").build()).build());
        assertThat(sent.failedEntryCount()).isEqualTo(1);
        assertThat(sent.entries().get(1).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(partners.putPartnerEvents(ctx(), PutPartnerEventsRequest.builder().entries(
                PutPartnerEventsRequestEntry.builder().source(name).detailType("order").detail("{}").build()).build())
                .failedEntryCount()).isEqualTo(1); // only the partner may send as its source
        deliveries.drain();
        assertThat(delivered).hasSize(1);
        JsonNode event = read(delivered.get(0).body());
        assertThat(event.get("source").asText()).isEqualTo(name);
        assertThat(event.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(event.get("id").asText()).isEqualTo(sent.entries().get(0).eventId());

        partners.deactivateEventSource(ctx(), DeactivateEventSourceRequest.builder().name(name).build());
        partners.putPartnerEvents(ctx(PARTNER), PutPartnerEventsRequest.builder().entries(
                PutPartnerEventsRequestEntry.builder().source(name).detailType("order").detail("{}").build()).build());
        deliveries.drain();
        assertThat(delivered).hasSize(1);
        partners.activateEventSource(ctx(), ActivateEventSourceRequest.builder().name(name).build());
        assertThat(partners.describeEventSource(ctx(), DescribeEventSourceRequest.builder().name(name).build())
                .stateAsString()).isEqualTo("ACTIVE");

        partners.deletePartnerEventSource(ctx(PARTNER), DeletePartnerEventSourceRequest.builder().name(name)
                .account(ACCOUNT).build());
        assertThat(partners.describeEventSource(ctx(), DescribeEventSourceRequest.builder().name(name).build())
                .stateAsString()).isEqualTo("DELETED");
        assertThat(error(() -> partners.describePartnerEventSource(ctx(PARTNER), DescribePartnerEventSourceRequest
                .builder().name(name).build())).code()).isEqualTo("ResourceNotFoundException");
    }

    // ---- bus settings

    @Test
    void updateEventBusKeepsTheKeyAndDeadLetterQueue() {
        provider.createEventBus(ctx(), CreateEventBusRequest.builder().name("orders").kmsKeyIdentifier("alias/k1").build());
        assertThat(provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().name("orders").build())
                .kmsKeyIdentifier()).isEqualTo("alias/k1");
        var u = provider.updateEventBus(ctx(), UpdateEventBusRequest.builder().name("orders").description("x")
                .deadLetterConfig(DeadLetterConfig.builder().arn(QUEUE).build()).build());
        assertThat(u.deadLetterConfig().arn()).isEqualTo(QUEUE);
        var d = provider.describeEventBus(ctx(), DescribeEventBusRequest.builder().name("orders").build());
        assertThat(d.deadLetterConfig().arn()).isEqualTo(QUEUE);
        assertThat(d.kmsKeyIdentifier()).isNull(); // not given on update: back to the AWS owned key
        assertThat(d.description()).isEqualTo("x");
    }
}
