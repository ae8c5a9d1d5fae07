package dev.vigil.logs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Log groups, their streams and tags (DESIGN §4: one repository interface, implemented once in JDBC).
 * Implementations are thread-safe.
 */
public interface GroupStore {

    /** Creates the group with its tags; empty when one of that name exists. */
    Optional<LogGroup> create(LogGroup group, Map<String, String> tags);

    Optional<LogGroup> find(String accountId, String region, String name);

    /** Groups by name, starting with {@code prefix} (null: any), after {@code afterName} (exclusive), at most limit. */
    List<LogGroup> list(String accountId, String region, String prefix, String afterName, int limit);

    /** Deletes the group and everything it owns; false when it does not exist. */
    boolean delete(String accountId, String region, String name);

    boolean setRetention(long groupId, Integer days);

    /** Groups with a retention policy, every account and region (for the sweep). */
    List<LogGroup> withRetention();

    /** Stored bytes per group id (sum over its streams). */
    Map<Long, Long> storedBytes(Collection<Long> groupIds);

    // --- streams ---

    /** False when the stream exists already. */
    boolean createStream(long groupId, String name, long now);

    Optional<LogStream> findStream(long groupId, String name);

    boolean deleteStream(long groupId, String name);

    /** Streams by name, starting with {@code prefix} (null: any), after {@code afterName} (exclusive), either way. */
    List<LogStream> streamsByName(long groupId, String prefix, String afterName, boolean descending, int limit);

    /** Streams by last event time (streams without events count as 0), ties by name, after the given position. */
    List<LogStream> streamsByLastEvent(long groupId, Long afterTime, String afterName, boolean descending, int limit);

    List<LogStream> streams(long groupId);

    // --- tags ---

    SortedMap<String, String> tags(long groupId);

    /** Adds or replaces tags unless the group would have more than {@code max}; returns the resulting count. */
    int tag(long groupId, Map<String, String> tags, int max);

    void untag(long groupId, Collection<String> keys);
}
