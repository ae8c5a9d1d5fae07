package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.EventSink;
import dev.vigil.core.service.EventStream;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionStart;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionUpdate;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;

/**
 * Live tail sessions driven tick by tick with a clock moved by hand: updates every tick (empty when nothing
 * matched), AWS's 500-event sampling, the three-hour timeout, a slow client, closing, and the request checks.
 */
class LiveTailsTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final RequestContext CTX = new RequestContext("req-1", NOW, "us-east-1", Caller.root("123456789012", "test"),
            "127.0.0.1", null, "logs", "StartLiveTail");
    static final String ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/tail";

    JdbcDatabase db;
    MutableClock clock = new MutableClock(NOW);
    LogsProvider logs;
    LiveTails tails;

    /** A client reading the stream: what it received, and how far behind it claims to be. */
    static final class Recorder implements EventSink {
        final List<SdkPojo> events = new CopyOnWriteArrayList<>();
        final List<String> types = new CopyOnWriteArrayList<>();
        volatile AwsException failure;
        volatile boolean ended;
        final AtomicInteger backlog = new AtomicInteger();

        @Override public void event(String type, SdkPojo event) { types.add(type); events.add(event); }
        @Override public void fail(AwsException error) { failure = error; }
        @Override public void end() { ended = true; }
        @Override public int backlog() { return backlog.get(); }

        LiveTailSessionUpdate lastUpdate() { return (LiveTailSessionUpdate) events.get(events.size() - 1); }
    }

    @BeforeEach
    void open() {
        db = TestDatabases.h2Memory("logs");
        JdbcGroupStore groups = new JdbcGroupStore(db);
        JdbcEventStore events = new JdbcEventStore(db);
        logs = new LogsProvider(groups, events, new JdbcConfigStore(db), new JdbcQueryStore(db),
                new Interconnect(new DeliveryFailures(clock)), clock, 1);
        tails = new LiveTails(groups, events, new GroupResolver(groups), new Patterns(), clock, 0);
        logs.createLogGroup(CTX, CreateLogGroupRequest.builder().logGroupName("/tail").build());
        logs.createLogGroup(CTX, CreateLogGroupRequest.builder().logGroupName("/other").build());
        for (String s : List.of("web-1", "web-2", "db-1")) {
            logs.createLogStream(CTX, CreateLogStreamRequest.builder().logGroupName("/tail").logStreamName(s).build());
        }
        logs.createLogStream(CTX, CreateLogStreamRequest.builder().logGroupName("/other").logStreamName("web-1").build());
    }

    @AfterEach
    void close() {
        tails.close();
        logs.close();
        db.close();
    }

    void put(String group, String stream, String... messages) {
        List<InputLogEvent> in = new ArrayList<>();
        for (String m : messages) in.add(InputLogEvent.builder().timestamp(clock.millis()).message(m).build());
        logs.putLogEvents(CTX, PutLogEventsRequest.builder().logGroupName(group).logStreamName(stream).logEvents(in).build());
    }

    /** Waits until what was queued for the poller thread (the session start) has run. */
    void drain() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        tails.onPoller(done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    Recorder start(StartLiveTailRequest r) throws InterruptedException {
        EventStream s = tails.startLiveTail(CTX, r);
        Recorder rec = new Recorder();
        s.open(rec);
        drain();
        return rec;
    }

    static List<String> messages(LiveTailSessionUpdate u) {
        return u.sessionResults().stream().map(LiveTailSessionLogEvent::message).toList();
    }

    @Test
    void startThenAnUpdateEveryTickWithTheNewMatchingEvents() throws Exception {
        put("/tail", "web-1", "ERROR before");
        Recorder rec = start(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).logEventFilterPattern("ERROR").build());
        assertThat(rec.types).containsExactly("sessionStart");
        LiveTailSessionStart start = (LiveTailSessionStart) rec.events.get(0);
        assertThat(start.requestId()).isEqualTo("req-1");
        assertThat(start.logGroupIdentifiers()).containsExactly(ARN);
        assertThat(start.logEventFilterPattern()).isEqualTo("ERROR");

        tails.tick();
        assertThat(rec.types).containsExactly("sessionStart", "sessionUpdate");
        assertThat(rec.lastUpdate().sessionResults()).isEmpty(); // "before" was ingested before the session

        put("/tail", "web-1", "ERROR one", "INFO two");
        put("/tail", "db-1", "ERROR three");
        put("/other", "web-1", "ERROR elsewhere");
        tails.tick();
        LiveTailSessionUpdate u = rec.lastUpdate();
        assertThat(messages(u)).containsExactlyInAnyOrder("ERROR one", "ERROR three");
        assertThat(u.sessionMetadata().sampled()).isFalse();
        LiveTailSessionLogEvent e = u.sessionResults().stream().filter(x -> x.message().equals("ERROR three")).findFirst().orElseThrow();
        assertThat(e.logStreamName()).isEqualTo("db-1");
        assertThat(e.logGroupIdentifier()).isEqualTo(ARN);
        assertThat(e.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(e.ingestionTime()).isEqualTo(NOW.toEpochMilli());

        tails.tick(); // nothing new: each event is delivered once
        assertThat(rec.lastUpdate().sessionResults()).isEmpty();
        assertThat(rec.types).hasSize(4);
    }

    @Test
    void streamNamesAndPrefixesSelectStreams() throws Exception {
        Recorder byName = start(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).logStreamNames("web-2").build());
        Recorder byPrefix = start(StartLiveTailRequest.builder().logGroupIdentifiers("/tail")
                .logStreamNamePrefixes("web-").build());
        put("/tail", "web-1", "a");
        put("/tail", "web-2", "b");
        put("/tail", "db-1", "c");
        tails.tick();
        assertThat(messages(byName.lastUpdate())).containsExactly("b");
        assertThat(messages(byPrefix.lastUpdate())).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void moreThan500MatchesInASecondAreSampledDownTo500() throws Exception {
        Recorder rec = start(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build());
        String[] many = new String[1200];
        for (int i = 0; i < many.length; i++) many[i] = "event " + i;
        put("/tail", "web-1", many);
        tails.tick();
        LiveTailSessionUpdate u = rec.lastUpdate();
        assertThat(u.sessionResults()).hasSize(500);
        assertThat(messages(u)).doesNotHaveDuplicates().allMatch(m -> m.startsWith("event "));
        assertThat(u.sessionMetadata().sampled()).isTrue();

        put("/tail", "web-1", "just one");
        tails.tick();
        assertThat(messages(rec.lastUpdate())).containsExactly("just one");
        assertThat(rec.lastUpdate().sessionMetadata().sampled()).isFalse();
    }

    @Test
    void aClientTooFarBehindMissesUpdatesAndIsToldTheyWereSampled() throws Exception {
        Recorder rec = start(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build());
        rec.backlog.set(LiveTailSession.MAX_BEHIND);
        put("/tail", "web-1", "dropped");
        tails.tick();
        assertThat(rec.types).containsExactly("sessionStart");
        rec.backlog.set(0);
        put("/tail", "web-1", "kept");
        tails.tick();
        assertThat(messages(rec.lastUpdate())).containsExactly("kept");
        assertThat(rec.lastUpdate().sessionMetadata().sampled()).isTrue();
    }

    @Test
    void sessionsTimeOutAfterThreeHours() throws Exception {
        Recorder rec = start(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build());
        clock.advance(Duration.ofHours(3).minusSeconds(1));
        tails.tick();
        assertThat(rec.failure).isNull();
        clock.advance(Duration.ofSeconds(1));
        tails.tick();
        assertThat(rec.failure).isNotNull();
        assertThat(rec.failure.code()).isEqualTo("SessionTimeoutException");
        int seen = rec.events.size();
        put("/tail", "web-1", "after the end");
        tails.tick();
        assertThat(rec.events).hasSize(seen);
    }

    @Test
    void aClosedSessionGetsNothingMoreAndFreesItsSlot() throws Exception {
        EventStream s = tails.startLiveTail(CTX, StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build());
        Recorder rec = new Recorder();
        s.open(rec);
        drain();
        s.close();
        put("/tail", "web-1", "x");
        tails.tick();
        assertThat(rec.types).containsExactly("sessionStart");
        for (int i = 0; i < LiveTails.MAX_SESSIONS; i++) {
            tails.startLiveTail(CTX, StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build());
        }
        assertThatThrownBy(() -> tails.startLiveTail(CTX, StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("LimitExceededException"));
    }

    @Test
    void shutdownEndsOpenSessions() throws Exception {
        Recorder rec = start(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).build());
        tails.close();
        assertThat(rec.ended).isTrue();
    }

    @Test
    void badRequests() {
        assertCode(StartLiveTailRequest.builder().logGroupIdentifiers("arn:aws:logs:us-east-1:123456789012:log-group:/none").build(),
                "ResourceNotFoundException");
        assertCode(StartLiveTailRequest.builder().build(), "InvalidParameterException");
        assertCode(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).logEventFilterPattern("{ $.a = ").build(),
                "InvalidParameterException");
        assertCode(StartLiveTailRequest.builder().logGroupIdentifiers(ARN).logStreamNames("a").logStreamNamePrefixes("b").build(),
                "InvalidParameterException");
        assertCode(StartLiveTailRequest.builder().logGroupIdentifiers(ARN, "/other").logStreamNames("a").build(),
                "InvalidParameterException");
        assertCode(StartLiveTailRequest.builder().logGroupIdentifiers(ARN + ":*").build(), "InvalidParameterException");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) eleven.add(ARN);
        assertCode(StartLiveTailRequest.builder().logGroupIdentifiers(eleven).build(), "InvalidParameterException");
    }

    void assertCode(StartLiveTailRequest r, String code) {
        assertThatThrownBy(() -> tails.startLiveTail(CTX, r))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
