package dev.vigil.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Log events: the append path and the read paths. Implementations are thread-safe. */
public interface EventStore {

    /**
     * Which events to read: a group's (or, with streamId, one stream's) in the time range [from, to), strictly after
     * {@code after} reading forward or strictly before {@code before} reading backward; at most {@code limit}.
     */
    record Range(long groupId, Long streamId, long fromTs, long toTs, Position after, Position before,
                 boolean descending, int limit) {}

    /**
     * A scan filter that also names texts every event it keeps contains in its message, so a store may pass over
     * events, or whole chunks, whose stored bytes lack one without decoding them.
     */
    interface TextFilter extends Predicate<StoredEvent> {
        List<String> requiredTexts();
    }

    /** A (timestamp, event id) position between events. */
    record Position(long timestamp, long eventId) {}

    /**
     * Appends the events of one stream and updates the stream's statistics in one transaction; returns the stored
     * events with their ids. Acknowledged events are durable.
     */
    List<StoredEvent> append(LogStream stream, List<NewEvent> events, long ingestionTime);

    /** Streams the range's events in (timestamp, id) order (descending if asked) to {@code sink} until it answers false. */
    default void scan(Range range, Predicate<StoredEvent> sink) {
        scan(range, e -> true, sink);
    }

    /**
     * As {@link #scan(Range, Predicate)}, for the events {@code filter} keeps: filtering before ordering lets the
     * store order only what is wanted (FilterLogEvents' pattern, its streams).
     */
    void scan(Range range, Predicate<StoredEvent> filter, Predicate<StoredEvent> sink);

    default List<StoredEvent> read(Range range) {
        List<StoredEvent> out = new ArrayList<>(Math.min(range.limit(), 1024));
        if (range.limit() <= 0) return out;
        scan(range, e -> {
            out.add(e);
            return out.size() < range.limit();
        });
        return out;
    }

    /** Streams a group's events in [from, to) in (timestamp, id) order to {@code sink} until it answers false. */
    default void scan(long groupId, long fromTs, long toTs, Predicate<StoredEvent> sink) {
        scan(new Range(groupId, null, fromTs, toTs, null, null, false, Integer.MAX_VALUE), sink);
    }

    /** Streams a group's events in [from, to) in no particular order (cheaper: no merge) until the sink answers false. */
    default void scanAnyOrder(long groupId, long fromTs, long toTs, Predicate<StoredEvent> sink) {
        scan(groupId, fromTs, toTs, sink);
    }

    /** One append as stored: its chunk id (ids grow with each append, across nodes) and its events. */
    record Appended(long chunkId, long ingestionTime, List<StoredEvent> events) {}

    /**
     * The appends to any of {@code groupIds} whose chunk id is above {@code afterChunkId}, in chunk id order, at most
     * {@code max} of them (live tail's poll). An id is taken before its transaction commits, so an append can
     * become visible after one with a higher id: callers look back a little.
     */
    List<Appended> appendedAfter(java.util.Collection<Long> groupIds, long afterChunkId, int max);

    /** The highest chunk id stored, or 0. */
    long lastChunkId();

    Optional<StoredEvent> get(long groupId, long timestamp, long eventId);

    /** Deletes the group's events older than {@code cutoff} and refreshes its streams' statistics; returns how many. */
    int expire(long groupId, long cutoff);
}
