package dev.vigil.logs;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.EventSink;
import dev.vigil.core.service.EventStream;
import dev.vigil.logs.filter.FilterPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionMetadata;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionStart;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionUpdate;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;

/**
 * One Live Tail session: its log groups, stream filter and filter pattern, and the events that matched since its
 * last update. At most {@value #MAX_EVENTS} events go into one update; past that the second's matches are sampled
 * (a uniform reservoir) and the update says {@code sampled}. A client more than {@value #MAX_BEHIND} updates behind
 * misses updates (their events are dropped; the next update says sampled), as AWS bounds its buffer too.
 * Thread-safe: the poller thread is the only one that touches the pending events and calls the sink; close()
 * may come from any thread and only flips a volatile flag.
 */
final class LiveTailSession implements EventStream {
    static final int MAX_EVENTS = 500;
    static final int MAX_BEHIND = 10;

    private final String sessionId;
    private final String requestId;
    private final String accountId;
    private final StartLiveTailRequest request;
    private final Map<Long, String> groups; // group id -> logGroupIdentifier in results (the group's ARN)
    private final Set<String> streamNames;
    private final List<String> streamPrefixes;
    private final FilterPattern pattern;
    private final long startedAt;
    private final long expiresAt;
    private final long startChunkId;
    private final LiveTails owner;
    private volatile boolean closed;
    // poller thread only:
    private EventSink sink;
    private final List<LiveTailSessionLogEvent> pending = new ArrayList<>();
    private long matched;
    private boolean sampled;
    private final Map<Long, Map<Long, String>> streamsByGroup = new HashMap<>();

    LiveTailSession(String sessionId, String requestId, String accountId, StartLiveTailRequest request,
                    Map<Long, String> groups, Set<String> streamNames, List<String> streamPrefixes,
                    FilterPattern pattern, long startedAt, long expiresAt, long startChunkId, LiveTails owner) {
        this.sessionId = sessionId;
        this.requestId = requestId;
        this.accountId = accountId;
        this.request = request;
        this.groups = groups;
        this.streamNames = streamNames;
        this.streamPrefixes = streamPrefixes;
        this.pattern = pattern;
        this.startedAt = startedAt;
        this.expiresAt = expiresAt;
        this.startChunkId = startChunkId;
        this.owner = owner;
    }

    String accountId() { return accountId; }
    Set<Long> groupIds() { return groups.keySet(); }
    long expiresAt() { return expiresAt; }
    long startChunkId() { return startChunkId; }

    /** The client is reading: the session start goes out first, on the poller thread like every later call. */
    @Override
    public void open(EventSink s) {
        owner.onPoller(() -> {
            if (closed) {
                s.end(); // ended (server stopping) before the client read anything
                return;
            }
            sink = s;
            sink.event("sessionStart", LiveTailSessionStart.builder()
                    .requestId(requestId).sessionId(sessionId)
                    .logGroupIdentifiers(request.logGroupIdentifiers())
                    .logStreamNames(request.hasLogStreamNames() ? request.logStreamNames() : null)
                    .logStreamNamePrefixes(request.hasLogStreamNamePrefixes() ? request.logStreamNamePrefixes() : null)
                    .logEventFilterPattern(request.logEventFilterPattern())
                    .build());
        });
    }

    @Override
    public void close() {
        closed = true;
        owner.remove(this);
    }

    /** One new append (poller thread): keeps the events of this session's groups, streams and pattern. */
    void offer(EventStore.Appended a) {
        if (closed || a.ingestionTime() < startedAt || a.events().isEmpty()) return;
        long groupId = a.events().get(0).groupId();
        String identifier = groups.get(groupId);
        if (identifier == null) return;
        String stream = streamName(groupId, a.events().get(0).streamId());
        if (!streamWanted(stream)) return;
        for (StoredEvent e : a.events()) {
            if (!pattern.matches(e.message())) continue;
            matched++;
            LiveTailSessionLogEvent out = LiveTailSessionLogEvent.builder().logStreamName(stream)
                    .logGroupIdentifier(identifier).message(e.message()).timestamp(e.timestamp())
                    .ingestionTime(e.ingestionTime()).build();
            if (pending.size() < MAX_EVENTS) {
                pending.add(out);
            } else {
                sampled = true;
                long slot = ThreadLocalRandom.current().nextLong(matched);
                if (slot < MAX_EVENTS) pending.set((int) slot, out);
            }
        }
    }

    private boolean streamWanted(String stream) {
        if (streamNames != null) return streamNames.contains(stream);
        if (streamPrefixes != null) return streamPrefixes.stream().anyMatch(stream::startsWith);
        return true;
    }

    private String streamName(long groupId, long streamId) {
        Map<Long, String> names = streamsByGroup.computeIfAbsent(groupId, owner::streamNames);
        String name = names.get(streamId);
        if (name == null) {
            names = owner.streamNames(groupId); // a stream created since the session started
            streamsByGroup.put(groupId, names);
            name = names.getOrDefault(streamId, "");
        }
        return name;
    }

    /** The second's update (poller thread), empty when nothing matched, as AWS sends one every second. */
    void sendUpdate() {
        if (closed || sink == null) return;
        if (sink.backlog() >= MAX_BEHIND) {
            sampled |= !pending.isEmpty();
            reset();
            return;
        }
        List<LiveTailSessionLogEvent> results = new ArrayList<>(pending);
        results.sort(Comparator.comparingLong(LiveTailSessionLogEvent::timestamp));
        sink.event("sessionUpdate", LiveTailSessionUpdate.builder()
                .sessionMetadata(LiveTailSessionMetadata.builder().sampled(sampled).build())
                .sessionResults(results).build());
        sampled = false;
        reset();
    }

    private void reset() {
        pending.clear();
        matched = 0;
    }

    /** Ends the session with one of its modeled exceptions (poller thread). */
    void fail(AwsException error) {
        if (closed) return;
        closed = true;
        owner.remove(this);
        if (sink != null) sink.fail(error);
    }

    /** Ends the session without an error (server shutdown; poller thread). */
    void endNormally() {
        if (closed) return;
        closed = true;
        owner.remove(this);
        if (sink != null) sink.end();
    }
}
