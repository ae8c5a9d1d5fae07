package dev.vigil.messaging.sqs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/** Where queues and their messages live (DESIGN §4). Implementations are thread-safe. */
public interface QueueRepository {

    Optional<Queue> find(String accountId, String region, String name);

    Optional<Queue> findById(String queueId);

    /** When the name was last deleted, if within the tombstones kept. */
    Optional<Instant> deletedAt(String accountId, String region, String name);

    /** False when a queue of that name exists already (a concurrent create won). */
    boolean create(Queue queue, Map<String, String> tags);

    void updateAttributes(String queueId, Map<String, String> attributes, Instant modifiedAt);

    /** Deletes the queue, its messages and tags, and leaves a tombstone for the name. */
    void delete(Queue queue, Instant at);

    /** Queues of an account and region by name, those with the prefix only when it is non-null. */
    List<Queue> list(String accountId, String region, String prefix);

    /** Every queue (for the retention sweep). */
    List<Queue> all();

    SortedMap<String, String> tags(String queueId);

    void tag(String queueId, Map<String, String> tags);

    void untag(String queueId, Collection<String> keys);

    /**
     * Stores a message; for a FIFO deduplication id seen before {@code dedupExpiresAt}'s window, stores nothing
     * and returns the earlier message instead.
     *
     * @param dedupScope null for no deduplication, else the scope ("" queue-wide, or the group id)
     */
    StoredMessage enqueue(StoredMessage message, String dedupScope, Instant now, Instant dedupExpiresAt);

    /** Stores messages of standard queues (no deduplication) together, in one transaction. */
    void insertAll(List<StoredMessage> messages);

    /** Messages visible at {@code now}, oldest first. */
    List<StoredMessage> visible(String queueId, Instant now, int limit);

    /** Groups with a message in flight at {@code now} (FIFO). */
    Set<String> inFlightGroups(String queueId, Instant now);

    /**
     * Takes a visible message for one receiver: succeeds only if nobody received it since it was read
     * ({@code receiveCount} unchanged) and it is still visible.
     */
    boolean claim(StoredMessage m, Instant now, Instant visibleUntil, String receipt);

    /** Moves a message to a dead-letter queue if nobody received it since it was read. */
    boolean moveToDeadLetter(StoredMessage m, String deadLetterQueueId, String sourceArn, Instant now);

    Optional<StoredMessage> message(String queueId, String messageId);

    boolean deleteMessage(String queueId, String messageId);

    /** Sets the visibility of the message last received with {@code receipt}; false when that is not it. */
    boolean changeVisibility(String queueId, String messageId, String receipt, Instant visibleAt);

    /** Deletes every message sent up to {@code at}; records the purge time. */
    int purge(String queueId, Instant at);

    /** Visible, in flight, delayed. */
    long[] counts(String queueId, Instant now);

    /** Deletes messages sent before the cutoff; returns how many. */
    int expire(String queueId, Instant sentBefore);

    /** Forgets deduplication ids and tombstones that expired. */
    void sweep(Instant now, Instant tombstonesBefore);

    /** Runs the work holding the queue's row lock, so receives on one FIFO queue run one at a time across nodes. */
    <T> T lockedForReceive(String queueId, java.util.function.Supplier<T> work);
}
