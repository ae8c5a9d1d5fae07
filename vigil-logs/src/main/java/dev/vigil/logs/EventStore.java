package dev.vigil.logs;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Log events: the append path and the read paths. */
public interface EventStore {

    /** A page of events: time range [from, to), strictly after / before a position, in the given direction. */
    record Range(long groupId, Long streamId, long fromTs, long toTs, Position after, Position before,
                 boolean descending, int limit) {}

    /** A (timestamp, event id) position between events. */
    record Position(long timestamp, long eventId) {}

    /**
     * Appends the events (already validated, in chronological order) and updates the stream's statistics in one
     * transaction; returns the stored events with their ids. Acknowledged events are durable.
     */
    List<StoredEvent> append(LogStream stream, List<NewEvent> events, long ingestionTime);

    List<StoredEvent> read(Range range);

    /** Streams the group's events in [from, to) in (timestamp, id) order to {@code sink} until it answers false. */
    void scan(long groupId, long fromTs, long toTs, Predicate<StoredEvent> sink);

    Optional<StoredEvent> get(long groupId, long timestamp, long eventId);

    /** Deletes the group's events older than {@code cutoff} and refreshes its streams' statistics. */
    int expire(long groupId, long cutoff);
}
