package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionStart;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionUpdate;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseHandler;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseStream;

/**
 * StartLiveTail through the SDK v2 async client (Netty, HTTP/1.1, the {@code stream-} host prefix disabled as
 * Vigil serves every operation on one host): the session starts, events put through another client reach it in
 * an update with the filter pattern applied, closing the stream ends the session, and a server stopping ends
 * its sessions. With two nodes on one PostgreSQL, a session on one node sees what the other ingests.
 */
class LogsLiveTailIT {
    /** AWS's limit of concurrent Live Tail sessions an account (LiveTails.MAX_SESSIONS). */
    static final int MAX_SESSIONS = 15;
    static VigilTestServer vigil;
    static CloudWatchLogsClient logs;
    static CloudWatchLogsAsyncClient tail;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        logs = vigil.client(CloudWatchLogsClient.builder());
        tail = asyncClient(vigil);
    }

    @AfterAll
    static void stop() {
        tail.close();
        logs.close();
        vigil.close();
    }

    static CloudWatchLogsAsyncClient asyncClient(VigilTestServer server) {
        return CloudWatchLogsAsyncClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.server().rootCredentials().accessKeyId(),
                        server.server().rootCredentials().secretAccessKey())))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** A live tail being read: its events as they come, the call's outcome, and a way to close it. */
    static final class Tail {
        final BlockingQueue<StartLiveTailResponseStream> events = new LinkedBlockingQueue<>();
        final AtomicReference<Subscription> subscription = new AtomicReference<>();
        CompletableFuture<Void> done;

        static Tail open(CloudWatchLogsAsyncClient client, StartLiveTailRequest request) {
            Tail t = new Tail();
            t.done = client.startLiveTail(request, StartLiveTailResponseHandler.builder()
                    .onEventStream(p -> p.subscribe(new Subscriber<StartLiveTailResponseStream>() {
                        @Override public void onSubscribe(Subscription s) {
                            t.subscription.set(s);
                            s.request(Long.MAX_VALUE);
                        }
                        @Override public void onNext(StartLiveTailResponseStream e) { t.events.add(e); }
                        @Override public void onError(Throwable e) {}
                        @Override public void onComplete() {}
                    })).build());
            return t;
        }

        StartLiveTailResponseStream next() throws InterruptedException {
            StartLiveTailResponseStream e = events.poll(30, TimeUnit.SECONDS);
            assertThat(e).as("an event within 30 s").isNotNull();
            return e;
        }

        /** Updates until one carries results; every update on the way must be empty. */
        LiveTailSessionUpdate nextWithResults() throws InterruptedException {
            while (true) {
                StartLiveTailResponseStream e = next();
                assertThat(e).isInstanceOf(LiveTailSessionUpdate.class);
                LiveTailSessionUpdate u = (LiveTailSessionUpdate) e;
                if (!u.sessionResults().isEmpty()) return u;
            }
        }

        void close() {
            subscription.get().cancel();
        }
    }

    static String arn(String group) {
        return "arn:aws:logs:us-east-1:000000000000:log-group:" + group;
    }

    static void put(CloudWatchLogsClient client, String group, String stream, String... messages) {
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (String m : messages) events.add(InputLogEvent.builder().timestamp(now).message(m).build());
        client.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Test
    void sessionStartsThenUpdatesCarryNewMatchingEvents() throws Exception {
        String group = "/it/tail/" + UUID.randomUUID();
        String other = "/it/tail/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("app-1"));
        logs.createLogGroup(r -> r.logGroupName(other));
        logs.createLogStream(r -> r.logGroupName(other).logStreamName("app-1"));
        put(logs, group, "app-1", "ERROR before the session");

        Tail t = Tail.open(tail, StartLiveTailRequest.builder().logGroupIdentifiers(arn(group))
                .logEventFilterPattern("ERROR").build());
        StartLiveTailResponseStream first = t.next();
        assertThat(first).isInstanceOf(LiveTailSessionStart.class);
        LiveTailSessionStart start = (LiveTailSessionStart) first;
        assertThat(start.sessionId()).isNotBlank();
        assertThat(start.requestId()).isNotBlank();
        assertThat(start.logGroupIdentifiers()).containsExactly(arn(group));
        assertThat(start.logEventFilterPattern()).isEqualTo("ERROR");

        put(logs, group, "app-1", "ERROR disk full", "INFO all good", "ERROR disk still full");
        put(logs, other, "app-1", "ERROR in another group");
        LiveTailSessionUpdate update = t.nextWithResults();
        assertThat(update.sessionMetadata().sampled()).isFalse();
        assertThat(update.sessionResults()).extracting(LiveTailSessionLogEvent::message)
                .containsExactlyInAnyOrder("ERROR disk full", "ERROR disk still full");
        for (LiveTailSessionLogEvent e : update.sessionResults()) {
            assertThat(e.logStreamName()).isEqualTo("app-1");
            assertThat(e.logGroupIdentifier()).isEqualTo(arn(group));
            assertThat(e.timestamp()).isPositive();
            assertThat(e.ingestionTime()).isGreaterThanOrEqualTo(e.timestamp() - 1000);
        }

        // The stream keeps going (an update a second, empty when nothing new matched) until the client closes it.
        put(logs, group, "app-1", "INFO nothing to see");
        put(logs, group, "app-1", "ERROR again");
        assertThat(t.nextWithResults().sessionResults()).extracting(LiveTailSessionLogEvent::message)
                .containsExactly("ERROR again");
        t.close();
        t.done.handle((v, e) -> null).get(30, TimeUnit.SECONDS);
    }

    /** More than 500 matches in a second: 500 of them, sampled, in one update of about 1 MB (many socket writes). */
    @Test
    void aBusySecondIsSampledTo500Events() throws Exception {
        String group = "/it/tail/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("busy"));
        Tail t = Tail.open(tail, StartLiveTailRequest.builder().logGroupIdentifiers(arn(group)).build());
        assertThat(t.next()).isInstanceOf(LiveTailSessionStart.class);
        String[] messages = new String[800];
        for (int i = 0; i < messages.length; i++) messages[i] = i + " " + "x".repeat(1200);
        put(logs, group, "busy", messages);
        LiveTailSessionUpdate u = t.nextWithResults();
        assertThat(u.sessionResults()).hasSize(500);
        assertThat(u.sessionMetadata().sampled()).isTrue();
        assertThat(u.sessionResults()).extracting(LiveTailSessionLogEvent::message).doesNotHaveDuplicates()
                .allMatch(m -> m.endsWith("x".repeat(1200)));
        t.close();
    }

    @Test
    void streamNamePrefixesSelectStreams() throws Exception {
        String group = "/it/tail/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("web-1"));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("worker-1"));
        Tail t = Tail.open(tail, StartLiveTailRequest.builder().logGroupIdentifiers(arn(group))
                .logStreamNamePrefixes("web-").build());
        assertThat(t.next()).isInstanceOf(LiveTailSessionStart.class);
        put(logs, group, "worker-1", "from the worker");
        put(logs, group, "web-1", "from the web");
        assertThat(t.nextWithResults().sessionResults()).extracting(LiveTailSessionLogEvent::logStreamName)
                .containsExactly("web-1");
        t.close();
    }

    @Test
    void badRequestsAnswerTheirErrorsBeforeAnyStream() {
        Tail missing = Tail.open(tail, StartLiveTailRequest.builder().logGroupIdentifiers(arn("/it/tail/none")).build());
        assertThat(cause(missing.done)).isInstanceOf(ResourceNotFoundException.class);

        String group = "/it/tail/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(group));
        Tail badPattern = Tail.open(tail, StartLiveTailRequest.builder().logGroupIdentifiers(arn(group))
                .logEventFilterPattern("{ $.a = ").build());
        assertThat(cause(badPattern.done)).isInstanceOf(InvalidParameterException.class);
        Tail both = Tail.open(tail, StartLiveTailRequest.builder().logGroupIdentifiers(arn(group))
                .logStreamNames("a").logStreamNamePrefixes("b").build());
        assertThat(cause(both.done)).isInstanceOf(InvalidParameterException.class);
    }

    static Throwable cause(CompletableFuture<Void> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The AWS CLI v1 (botocore) prints the messages of a live tail as they come. botocore injects the
     * {@code stream-} host prefix too; AWS_DISABLE_HOST_PREFIX_INJECTION turns it off. Events are put until the
     * first line shows up, since the CLI says nothing when its session starts.
     */
    @Test
    void awsCliV1TailsMatchingMessages() throws Exception {
        AwsCli cli = Clis.v1();
        String group = "/it/tail/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("cli"));
        Process p = cli.start(vigil.endpoint(), Map.of("AWS_DISABLE_HOST_PREFIX_INJECTION", "true"),
                "logs", "start-live-tail", "--log-group-identifiers", arn(group), "--log-event-filter-pattern", "ERROR");
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) lines.add(line);
                } catch (java.io.IOException e) {
                    // the process was destroyed
                }
            });
            reader.setDaemon(true);
            reader.start();
            String line = null;
            for (int i = 0; i < 60 && line == null && p.isAlive(); i++) {
                put(logs, group, "cli", "INFO tick " + i, "ERROR tick " + i);
                line = lines.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(line).as("a line from the CLI (stderr: %s)", p.isAlive() ? "" : new String(
                    p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isNotNull();
            assertThat(line).startsWith("ERROR tick ");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * A client closing its stream ends the session on the server: after one session is opened and closed, the
     * account still has all of its {@value #MAX_SESSIONS} sessions, and one more is refused.
     */
    @Test
    void closingTheStreamFreesTheSession() throws Exception {
        try (VigilTestServer own = VigilTestServer.start();
             CloudWatchLogsClient sync = own.client(CloudWatchLogsClient.builder());
             CloudWatchLogsAsyncClient async = asyncClient(own)) {
            sync.createLogGroup(r -> r.logGroupName("/it/tail/slots"));
            StartLiveTailRequest request = StartLiveTailRequest.builder().logGroupIdentifiers(arn("/it/tail/slots")).build();
            Tail first = Tail.open(async, request);
            assertThat(first.next()).isInstanceOf(LiveTailSessionStart.class);
            first.close();
            first.done.handle((v, e) -> null).get(30, TimeUnit.SECONDS);
            List<Tail> open = new ArrayList<>();
            for (int i = 0; i < MAX_SESSIONS; i++) {
                Tail t = null;
                // the server learns of the closed connection asynchronously: retry a refused session briefly
                for (int attempt = 0; attempt < 50 && t == null; attempt++) {
                    Tail candidate = Tail.open(async, request);
                    StartLiveTailResponseStream e = null;
                    for (int wait = 0; wait < 300 && e == null && !candidate.done.isDone(); wait++) {
                        e = candidate.events.poll(100, TimeUnit.MILLISECONDS);
                    }
                    if (e != null) {
                        assertThat(e).isInstanceOf(LiveTailSessionStart.class);
                        t = candidate;
                    } else {
                        assertThat(cause(candidate.done)).isInstanceOf(LimitExceededException.class);
                        Thread.sleep(100);
                    }
                }
                assertThat(t).as("session %d of %d", i + 1, MAX_SESSIONS).isNotNull();
                open.add(t);
            }
            Tail oneTooMany = Tail.open(async, request);
            assertThat(cause(oneTooMany.done)).isInstanceOf(LimitExceededException.class);
            open.forEach(Tail::close);
        }
    }

    @Test
    void stoppingTheServerEndsItsSessions() throws Exception {
        VigilTestServer own = VigilTestServer.start();
        try (CloudWatchLogsClient sync = own.client(CloudWatchLogsClient.builder());
             CloudWatchLogsAsyncClient async = asyncClient(own)) {
            sync.createLogGroup(r -> r.logGroupName("/it/tail/stop"));
            Tail t = Tail.open(async, StartLiveTailRequest.builder().logGroupIdentifiers(arn("/it/tail/stop")).build());
            assertThat(t.next()).isInstanceOf(LiveTailSessionStart.class);
            own.close();
            // Ends rather than hanging: the call completes once the server has stopped.
            t.done.handle((v, e) -> null).get(30, TimeUnit.SECONDS);
            assertThat(t.done).isDone();
        } finally {
            own.close();
        }
    }

    @Test
    void aSessionOnOneNodeSeesWhatAnotherNodeIngests() throws Exception {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
        try (VigilTestServer a = VigilTestServer.start(c -> c.withStore(url));
             VigilTestServer b = VigilTestServer.start(c -> c.withStore(url));
             CloudWatchLogsClient logsA = a.client(CloudWatchLogsClient.builder());
             CloudWatchLogsAsyncClient tailB = asyncClient(b)) {
            logsA.createLogGroup(r -> r.logGroupName("/it/tail/shared"));
            logsA.createLogStream(r -> r.logGroupName("/it/tail/shared").logStreamName("s"));
            Tail t = Tail.open(tailB, StartLiveTailRequest.builder().logGroupIdentifiers(arn("/it/tail/shared")).build());
            assertThat(t.next()).isInstanceOf(LiveTailSessionStart.class);
            put(logsA, "/it/tail/shared", "s", "ingested on node A");
            assertThat(t.nextWithResults().sessionResults()).extracting(LiveTailSessionLogEvent::message)
                    .containsExactly("ingested on node A");
            t.close();
        }
    }
}
