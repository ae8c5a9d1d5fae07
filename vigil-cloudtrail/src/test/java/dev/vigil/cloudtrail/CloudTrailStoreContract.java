package dev.vigil.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.AuditRecord;
import dev.vigil.store.JdbcDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/** Recorder, store, retention and LookupEvents against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudTrailStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private JdbcDatabase db;
    private JdbcEventRepository repository;
    private final CloudTrailEventFormat format = new CloudTrailEventFormat();
    private final MutableClock clock = new MutableClock(NOW);
    private CloudTrailProvider provider;

    /** A store with the cloudtrail migrations applied. */
    abstract JdbcDatabase open();

    @BeforeAll
    void migrate() {
        db = open();
        repository = new JdbcEventRepository(db);
        provider = new CloudTrailProvider(repository, clock);
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) db.close();
    }

    @BeforeEach
    void empty() {
        db.wipe();
        clock.set(NOW);
    }

    // ---------------------------------------------------------------- recorder

    @Test
    void recorderLosesNothingOnClose() throws Exception {
        EventHistoryWriter recorder = new EventHistoryWriter(repository, format);
        recorder.start();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(callers.submit(() -> {
                for (int i = 0; i < 1250; i++) recorder.record(event(NOW.minusSeconds(thread * 1250L + i), "PutMetricData"));
            }));
        }
        for (Future<?> f : done) f.get();
        callers.shutdown();
        recorder.close();
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isEqualTo(10_000);
    }

    @Test
    void fullQueueMakesCallersWaitInsteadOfDropping() {
        var settings = new EventHistoryWriter.Settings(8, 5, Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(60));
        EventHistoryWriter recorder = new EventHistoryWriter(repository, format, settings);
        recorder.start();
        for (int i = 0; i < 500; i++) recorder.record(event(NOW.minusSeconds(i), "PutMetricData"));
        recorder.close();
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isEqualTo(500);
    }

    @Test
    void recorderWritesNothingBeforeStartAndEverythingAfter() throws Exception {
        EventHistoryWriter recorder = new EventHistoryWriter(repository, format);
        for (int i = 0; i < 5; i++) recorder.record(event(NOW.minusSeconds(i), "CreateRole"));
        Thread.sleep(250); // longer than the linger time: a running writer would have stored them
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isZero();
        assertThat(recorder.backlog()).isEqualTo(5);
        recorder.start();
        recorder.flush();
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isEqualTo(5);
        recorder.close();
    }

    @Test
    void flushMakesRecordsVisibleToLookupAndRecordAfterCloseIsStoredDirectly() {
        EventHistoryWriter recorder = new EventHistoryWriter(repository, format);
        recorder.start();
        AuditRecord first = event(NOW.minusSeconds(2), "CreateRole");
        recorder.record(first);
        recorder.flush();
        assertThat(ids(lookup(b -> {}))).containsExactly(first.eventId());
        recorder.close();
        AuditRecord late = event(NOW.minusSeconds(1), "DeleteRole");
        recorder.record(late);
        assertThat(ids(lookup(b -> {}))).containsExactly(late.eventId(), first.eventId());
    }

    @Test
    void insertIsIdempotentForARetriedBatch() {
        List<StoredEvent> batch = List.of(stored(event(NOW.minusSeconds(1), "A")), stored(event(NOW.minusSeconds(2), "B")));
        repository.insert(batch);
        List<StoredEvent> retried = new ArrayList<>(batch);
        retried.add(stored(event(NOW.minusSeconds(3), "C")));
        repository.insert(retried);
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isEqualTo(3);
    }

    // ---------------------------------------------------------------- LookupEvents

    @Test
    void newestFirst() {
        AuditRecord old = event(NOW.minusSeconds(300), "A");
        AuditRecord newest = event(NOW.minusSeconds(10), "B");
        AuditRecord middle = event(NOW.minusSeconds(100), "C");
        store(old, newest, middle);
        assertThat(ids(lookup(b -> {}))).containsExactly(newest.eventId(), middle.eventId(), old.eventId());
    }

    @Test
    void paginatesOneHundredTwentyEventsInPagesOfFifty() {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // pairs share a timestamp so the event-id tie-break across page boundaries is exercised too
            records.add(event(NOW.minusSeconds(1 + i / 2), "PutMetricData"));
        }
        store(records.toArray(AuditRecord[]::new));
        Set<String> expected = new HashSet<>();
        for (AuditRecord r : records) expected.add(r.eventId());

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            LookupEventsResponse page = lookup(b -> b.maxResults(50).nextToken(next));
            pageSizes.add(page.events().size());
            seen.addAll(ids(page));
            token = page.nextToken();
        } while (token != null);
        assertThat(pageSizes).containsExactly(50, 50, 20);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        // Newest first across pages (ties are ordered by event id in the database's collation).
        List<Instant> times = new ArrayList<>();
        for (String id : seen) times.add(records.stream().filter(r -> r.eventId().equals(id)).findFirst().orElseThrow().eventTime());
        for (int i = 1; i < times.size(); i++) assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
    }

    @Test
    void defaultPageIsFiftyAndLastPageHasNoToken() {
        for (int i = 0; i < 51; i++) store(event(NOW.minusSeconds(i + 1), "A"));
        LookupEventsResponse first = lookup(b -> {});
        assertThat(first.events()).hasSize(50);
        assertThat(first.nextToken()).isNotNull();
        LookupEventsResponse second = lookup(b -> b.nextToken(first.nextToken()));
        assertThat(second.events()).hasSize(1);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void eachLookupAttributeFilters() {
        Caller alice = new Caller(ACCOUNT, "arn:aws:iam::123456789012:user/Alice", PrincipalType.IAM_USER,
                "AIDAALICE", "AKIAALICE00000000000", "Alice", null, null, false);
        AuditRecord create = new AuditRecord(UUID.randomUUID().toString(), NOW.minusSeconds(30), "r1", alice, ACCOUNT,
                REGION, "1.2.3.4", "ua", "iam.amazonaws.com", "CreateRole", false, true, "{}", "{}", null, null,
                List.of("arn:aws:iam::123456789012:role/ops/Admin"), null);
        AuditRecord read = event(NOW.minusSeconds(20), "DescribeAlarms", "monitoring.amazonaws.com", true);
        AuditRecord publish = event(NOW.minusSeconds(10), "Publish", "sns.amazonaws.com", false, "arn:aws:sns:us-east-1:123456789012:alerts");
        store(create, read, publish);

        assertThat(ids(by(LookupAttributeKey.EVENT_ID, create.eventId()))).containsExactly(create.eventId());
        assertThat(ids(by(LookupAttributeKey.EVENT_NAME, "DescribeAlarms"))).containsExactly(read.eventId());
        assertThat(ids(by(LookupAttributeKey.READ_ONLY, "true"))).containsExactly(read.eventId());
        assertThat(ids(by(LookupAttributeKey.READ_ONLY, "false"))).containsExactly(publish.eventId(), create.eventId());
        assertThat(ids(by(LookupAttributeKey.USERNAME, "Alice"))).containsExactly(create.eventId());
        assertThat(ids(by(LookupAttributeKey.USERNAME, "root"))).containsExactly(publish.eventId(), read.eventId());
        assertThat(ids(by(LookupAttributeKey.RESOURCE_TYPE, "AWS::IAM::Role"))).containsExactly(create.eventId());
        assertThat(ids(by(LookupAttributeKey.RESOURCE_TYPE, "AWS::SNS::Topic"))).containsExactly(publish.eventId());
        assertThat(ids(by(LookupAttributeKey.RESOURCE_NAME, "Admin"))).containsExactly(create.eventId());
        assertThat(ids(by(LookupAttributeKey.RESOURCE_NAME, "arn:aws:sns:us-east-1:123456789012:alerts")))
                .containsExactly(publish.eventId());
        assertThat(ids(by(LookupAttributeKey.EVENT_SOURCE, "iam.amazonaws.com"))).containsExactly(create.eventId());
        assertThat(ids(by(LookupAttributeKey.ACCESS_KEY_ID, "AKIAALICE00000000000"))).containsExactly(create.eventId());
        assertThat(by(LookupAttributeKey.EVENT_NAME, "NoSuchCall").events()).isEmpty();
    }

    @Test
    void eventCarriesTheLookupFieldsAndTheRecord() {
        AuditRecord create = new AuditRecord(UUID.randomUUID().toString(), NOW.minusMillis(1500), "r1",
                Caller.root(ACCOUNT, "AKIAROOT000000000000"), ACCOUNT, REGION, "1.2.3.4", "ua", "iam.amazonaws.com",
                "CreateRole", false, true, "{\"roleName\":\"Admin\"}", null, null, null,
                List.of("arn:aws:iam::123456789012:role/Admin"), null);
        store(create);
        Event e = lookup(b -> {}).events().get(0);
        assertThat(e.eventId()).isEqualTo(create.eventId());
        assertThat(e.eventName()).isEqualTo("CreateRole");
        assertThat(e.readOnly()).isEqualTo("false");
        assertThat(e.accessKeyId()).isEqualTo("AKIAROOT000000000000");
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-11-30T11:59:58Z"));
        assertThat(e.eventSource()).isEqualTo("iam.amazonaws.com");
        assertThat(e.username()).isEqualTo("root");
        assertThat(e.resources()).hasSize(1);
        assertThat(e.resources().get(0).resourceType()).isEqualTo("AWS::IAM::Role");
        assertThat(e.resources().get(0).resourceName()).isEqualTo("Admin");
        assertThat(e.cloudTrailEvent()).isEqualTo(format.toJson(create));
    }

    @Test
    void dataEventsAreStoredButNotListed() {
        AuditRecord management = event(NOW.minusSeconds(2), "CreateQueue");
        AuditRecord data = new AuditRecord(UUID.randomUUID().toString(), NOW.minusSeconds(1), "r", Caller.root(ACCOUNT, "AKIA"),
                ACCOUNT, REGION, "1.2.3.4", "ua", "sqs.amazonaws.com", "SendMessage", false, false, null, null, null,
                null, List.of(), null);
        store(management, data);
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isEqualTo(2);
        assertThat(ids(lookup(b -> {}))).containsExactly(management.eventId());
        assertThat(by(LookupAttributeKey.EVENT_ID, data.eventId()).events()).isEmpty();
    }

    @Test
    void onlyTheCallersAccountAndRegion() {
        AuditRecord mine = event(NOW.minusSeconds(3), "A");
        AuditRecord otherRegion = withPlace(event(NOW.minusSeconds(2), "B"), ACCOUNT, "eu-west-1");
        AuditRecord otherAccount = withPlace(event(NOW.minusSeconds(1), "C"), "210987654321", REGION);
        store(mine, otherRegion, otherAccount);
        assertThat(ids(lookup(b -> {}))).containsExactly(mine.eventId());
        LookupEventsResponse eu = provider.lookupEvents(context(ACCOUNT, "eu-west-1"), LookupEventsRequest.builder().build());
        assertThat(ids(eu)).containsExactly(otherRegion.eventId());
    }

    @Test
    void startAndEndTimeAreInclusive() {
        AuditRecord a = event(NOW.minusSeconds(300), "A");
        AuditRecord b = event(NOW.minusSeconds(200), "B");
        AuditRecord c = event(NOW.minusSeconds(100), "C");
        store(a, b, c);
        assertThat(ids(lookup(r -> r.startTime(NOW.minusSeconds(200)).endTime(NOW.minusSeconds(100)))))
                .containsExactly(c.eventId(), b.eventId());
        assertThat(ids(lookup(r -> r.endTime(NOW.minusSeconds(250))))).containsExactly(a.eventId());
        assertThat(ids(lookup(r -> r.startTime(NOW.minusSeconds(150))))).containsExactly(c.eventId());
        assertThat(ids(lookup(r -> r.startTime(NOW).endTime(NOW)))).isEmpty();
    }

    @Test
    void validationErrors() {
        LookupAttribute name = LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("X").build();
        LookupAttribute user = LookupAttribute.builder().attributeKey(LookupAttributeKey.USERNAME).attributeValue("root").build();
        assertError(b -> b.lookupAttributes(name, user), "InvalidLookupAttributesException");
        assertError(b -> b.lookupAttributes(LookupAttribute.builder().attributeKey("Color").attributeValue("x").build()),
                "InvalidLookupAttributesException");
        assertError(b -> b.lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME)
                .attributeValue("").build()), "InvalidLookupAttributesException");
        assertError(b -> b.lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME)
                .attributeValue("x".repeat(2001)).build()), "InvalidLookupAttributesException");
        assertError(b -> b.lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).build()),
                "InvalidLookupAttributesException");
        assertError(b -> b.lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.READ_ONLY)
                .attributeValue("maybe").build()), "InvalidLookupAttributesException");
        assertError(b -> b.startTime(NOW).endTime(NOW.minusSeconds(1)), "InvalidTimeRangeException");
        assertError(b -> b.maxResults(0), "InvalidMaxResultsException");
        assertError(b -> b.maxResults(51), "InvalidMaxResultsException");
        assertError(b -> b.nextToken("not-a-token!"), "InvalidNextTokenException");
        assertError(b -> b.nextToken("djF8YWJjfDF8eA"), "InvalidNextTokenException");
        assertError(b -> b.eventCategory("management"), "InvalidEventCategoryException");
        assertError(b -> b.eventCategory("insight").lookupAttributes(user), "InvalidLookupAttributesException");
    }

    @Test
    void nextTokenIsBoundToTheParametersItWasIssuedFor() {
        for (int i = 0; i < 3; i++) store(event(NOW.minusSeconds(i + 1), "A"));
        String token = lookup(b -> b.maxResults(1)).nextToken();
        assertThat(token).isNotNull();
        assertThat(lookup(b -> b.maxResults(2).nextToken(token)).events()).hasSize(2); // page size may change
        assertError(b -> b.nextToken(token).startTime(NOW.minusSeconds(60)), "InvalidNextTokenException");
        assertError(b -> b.nextToken(token).lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("A").build()), "InvalidNextTokenException");
        assertThatThrownBy(() -> provider.lookupEvents(context("210987654321", REGION),
                LookupEventsRequest.builder().nextToken(token).build()))
                .isInstanceOf(AwsException.class).extracting(e -> ((AwsException) e).code())
                .isEqualTo("InvalidNextTokenException");
    }

    @Test
    void insightCategoryReturnsNoEventsYet() {
        store(event(NOW.minusSeconds(1), "A"));
        LookupEventsResponse r = lookup(b -> b.eventCategory("insight"));
        assertThat(r.events()).isEmpty();
        assertThat(r.nextToken()).isNull();
    }

    // ---------------------------------------------------------------- retention

    @Test
    void retentionSweepDeletesEventsOlderThanNinetyDays() {
        AuditRecord expired = new AuditRecord(UUID.randomUUID().toString(), NOW.minus(Duration.ofDays(91)), "r",
                Caller.root(ACCOUNT, "AKIA"), ACCOUNT, REGION, "1.2.3.4", "ua", "iam.amazonaws.com", "CreateRole",
                false, true, null, null, null, null, List.of("arn:aws:iam::123456789012:role/Old"), null);
        AuditRecord kept = event(NOW.minus(Duration.ofDays(89)), "CreateUser");
        store(expired, kept);
        // Listed only within the window even before the sweep ran.
        assertThat(ids(lookup(b -> {}))).containsExactly(kept.eventId());

        CloudTrailRetention retention = new CloudTrailRetention(repository);
        assertThat(retention.sweep(NOW)).isEqualTo(1);
        assertThat(retention.sweep(NOW)).isZero(); // idempotent
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_events")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cloudtrail_event_resources")).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(retention.sweep(clock.instant())).isEqualTo(1);
        assertThat(lookup(b -> {}).events()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private AuditRecord event(Instant time, String name) {
        return event(time, name, "iam.amazonaws.com", false);
    }

    private AuditRecord event(Instant time, String name, String source, boolean readOnly, String... resources) {
        return new AuditRecord(UUID.randomUUID().toString(), time, UUID.randomUUID().toString(),
                Caller.root(ACCOUNT, "AKIAROOT000000000000"), ACCOUNT, REGION, "203.0.113.9", "aws-cli/2.9",
                source, name, readOnly, true, "{}", null, null, null, List.of(resources), null);
    }

    private static AuditRecord withPlace(AuditRecord r, String account, String region) {
        return new AuditRecord(r.eventId(), r.eventTime(), r.requestId(), r.caller(), account, region, r.sourceIp(),
                r.userAgent(), r.eventSource(), r.eventName(), r.readOnly(), r.managementEvent(), r.requestParameters(),
                r.responseElements(), r.errorCode(), r.errorMessage(), r.resources(), r.tlsVersion());
    }

    private StoredEvent stored(AuditRecord r) {
        return StoredEvent.of(r, format.toJson(r));
    }

    private void store(AuditRecord... records) {
        List<StoredEvent> rows = new ArrayList<>();
        for (AuditRecord r : records) rows.add(stored(r));
        repository.insert(rows);
    }

    private long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestContext context(String account, String region) {
        return new RequestContext("req", clock.instant(), region, Caller.root(account, "AKIAROOT000000000000"),
                "127.0.0.1", "test", "cloudtrail", "LookupEvents");
    }

    private LookupEventsResponse lookup(Consumer<LookupEventsRequest.Builder> request) {
        LookupEventsRequest.Builder b = LookupEventsRequest.builder();
        request.accept(b);
        return provider.lookupEvents(context(ACCOUNT, REGION), b.build());
    }

    private LookupEventsResponse by(LookupAttributeKey key, String value) {
        return lookup(b -> b.lookupAttributes(LookupAttribute.builder().attributeKey(key).attributeValue(value).build()));
    }

    private void assertError(Consumer<LookupEventsRequest.Builder> request, String code) {
        assertThatThrownBy(() -> lookup(request))
                .isInstanceOf(AwsException.class)
                .satisfies(e -> {
                    assertThat(((AwsException) e).code()).isEqualTo(code);
                    assertThat(((AwsException) e).status()).isEqualTo(400);
                });
    }

    private static List<String> ids(LookupEventsResponse response) {
        List<String> ids = new ArrayList<>();
        for (Event e : response.events()) ids.add(e.eventId());
        return ids;
    }
}
