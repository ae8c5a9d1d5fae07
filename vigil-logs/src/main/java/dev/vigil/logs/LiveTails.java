package dev.vigil.logs;

import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.EventSink;
import dev.vigil.core.service.EventStream;
import dev.vigil.logs.filter.FilterPattern;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;

/**
 * StartLiveTail: the sessions open on this node and the one poller that feeds them. Once a second the poller
 * reads the appends newer than the last it saw for the groups of every open session (one query for all of them),
 * so a session sees what any node sharing the store ingests, and hands each new append to the sessions tailing its
 * group; each session then sends one {@code sessionUpdate} (empty if nothing matched), as AWS does every second.
 * Chunk ids are taken before their transaction commits, so an append can appear after a higher id: the poller
 * re-reads {@value #LOOK_BACK_MS} ms of ids and skips the appends it has already seen. Sessions end after three
 * hours ({@code SessionTimeoutException}), when the client closes, or when the server stops. Sessions hold no
 * thread: every sink call comes from the single poller thread.
 * Thread-safe: the session set is concurrent; the poll state is confined to the poller thread.
 */
final class LiveTails implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTails.class);
    static final int MAX_GROUPS = 10;
    static final int MAX_SESSIONS = 15;
    static final Duration MAX_SESSION = Duration.ofHours(3);
    static final long TICK_MS = 1000;
    static final long LOOK_BACK_MS = 10_000;
    static final int PAGE = 1000;
    static final int MAX_PAGES = 20;
    static final int FAILED_POLLS_TOLERATED = 5;

    private final GroupStore groups;
    private final EventStore events;
    private final GroupResolver resolver;
    private final Patterns patterns;
    private final Clock clock;
    private final Set<LiveTailSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;
    // poller thread only:
    private long floor = -1;
    private final TreeMap<Long, Long> seen = new TreeMap<>(); // chunk id -> nanoTime first seen
    private int failedPolls;

    /** @param tickMs how often the poller runs; 0 leaves it to the caller of {@link #tick()} (tests) */
    LiveTails(GroupStore groups, EventStore events, GroupResolver resolver, Patterns patterns, Clock clock, long tickMs) {
        this.groups = groups;
        this.events = events;
        this.resolver = resolver;
        this.patterns = patterns;
        this.clock = clock;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-logs-livetail");
            t.setDaemon(true);
            return t;
        });
        if (tickMs > 0) poller.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    EventStream startLiveTail(RequestContext ctx, StartLiveTailRequest r) {
        if (!r.hasLogGroupIdentifiers() || r.logGroupIdentifiers().isEmpty()) {
            throw LogsErrors.invalid("logGroupIdentifiers must contain at least one log group.");
        }
        if (r.logGroupIdentifiers().size() > MAX_GROUPS) {
            throw LogsErrors.invalid("A Live Tail session can include at most " + MAX_GROUPS + " log groups.");
        }
        boolean names = r.hasLogStreamNames() && !r.logStreamNames().isEmpty();
        boolean prefixes = r.hasLogStreamNamePrefixes() && !r.logStreamNamePrefixes().isEmpty();
        if (names && prefixes) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefixes are mutually exclusive.");
        }
        if ((names || prefixes) && r.logGroupIdentifiers().size() != 1) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefixes can only be used with exactly one"
                    + " log group in logGroupIdentifiers.");
        }
        for (String id : r.logGroupIdentifiers()) {
            if (id.endsWith("*")) throw LogsErrors.invalid("A log group ARN cannot end with an asterisk (*): " + id);
        }
        Map<Long, String> tailed = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(r.logGroupIdentifiers())) {
            LogGroup g = resolver.byIdentifier(ctx, id);
            LogClasses.requireStandard(g, "StartLiveTail"); // AWS's log-class table: no Live Tail on Infrequent Access
            tailed.put(g.id(), LogArns.group(g.region(), g.accountId(), g.name()));
        }
        FilterPattern pattern = patterns.compile(r.logEventFilterPattern());
        long active = sessions.stream().filter(s -> s.accountId().equals(ctx.accountId())).count();
        if (active >= MAX_SESSIONS) {
            throw LogsErrors.limit("Account maximum of " + MAX_SESSIONS + " concurrent Live Tail sessions reached.");
        }
        long now = clock.millis();
        LiveTailSession s = new LiveTailSession(Ids.uuid(), ctx.requestId(), ctx.accountId(), r, tailed,
                names ? new HashSet<>(r.logStreamNames()) : null, prefixes ? List.copyOf(r.logStreamNamePrefixes()) : null,
                pattern, now, now + MAX_SESSION.toMillis(), events.lastChunkId(), this);
        // Registered now, so what is ingested before the client reads the stream is not missed.
        sessions.add(s);
        return s;
    }

    /** Runs {@code work} on the poller thread (every sink call happens there, one at a time). */
    void onPoller(Runnable work) {
        try {
            poller.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping: the session is being ended by close()
        }
    }

    void remove(LiveTailSession s) {
        sessions.remove(s);
    }

    /** Stream names of a group's streams, for the session filters and the results. */
    Map<Long, String> streamNames(long groupId) {
        Map<Long, String> out = new java.util.HashMap<>();
        for (LogStream s : groups.streams(groupId)) out.put(s.id(), s.name());
        return out;
    }

    /** One second's work: expire sessions, read what is new, send each session its update. Poller thread. */
    void tick() {
        try {
            if (sessions.isEmpty()) {
                floor = -1;
                seen.clear();
                return;
            }
            long now = clock.millis();
            for (LiveTailSession s : List.copyOf(sessions)) {
                if (now >= s.expiresAt()) s.fail(new AwsException("SessionTimeoutException", 400,
                        "Live Tail session has timed out after " + MAX_SESSION.toHours() + " hours."));
            }
            poll();
            failedPolls = 0;
            for (LiveTailSession s : List.copyOf(sessions)) s.sendUpdate();
        } catch (RuntimeException e) {
            LOG.warn("live tail poll failed", e);
            if (++failedPolls >= FAILED_POLLS_TOLERATED) {
                for (LiveTailSession s : List.copyOf(sessions)) {
                    s.fail(new AwsException("SessionStreamingException", 400,
                            "Live Tail session could not read new log events: " + e.getMessage()));
                }
                failedPolls = 0;
            }
        }
    }

    /** Reads the new appends of the open sessions' groups and hands each to the sessions tailing its group. */
    private void poll() {
        Set<Long> groupIds = new HashSet<>();
        long start = Long.MAX_VALUE;
        for (LiveTailSession s : sessions) {
            groupIds.addAll(s.groupIds());
            start = Math.min(start, s.startChunkId());
        }
        if (floor < 0) floor = start;
        long nanos = System.nanoTime();
        long after = floor;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<EventStore.Appended> fresh = events.appendedAfter(groupIds, after, PAGE);
            for (EventStore.Appended a : fresh) {
                after = a.chunkId();
                if (seen.putIfAbsent(a.chunkId(), nanos) != null) continue;
                for (LiveTailSession s : sessions) s.offer(a);
            }
            if (fresh.size() < PAGE) break;
        }
        // Ids first seen long enough ago are settled: nothing below them can still commit.
        long settledBefore = nanos - LOOK_BACK_MS * 1_000_000L;
        long settled = floor;
        for (Iterator<Map.Entry<Long, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> e = it.next();
            if (e.getValue() - settledBefore > 0) break;
            settled = e.getKey();
            it.remove();
        }
        floor = settled;
    }

    /** Ends every session (server shutdown) and stops the poller. */
    @Override
    public void close() {
        List<LiveTailSession> open = new ArrayList<>(sessions);
        onPoller(() -> open.forEach(LiveTailSession::endNormally));
        poller.shutdown();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
