package dev.vigil.messaging.sqs;

import dev.vigil.core.store.Database;
import dev.vigil.messaging.Json;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@link QueueRepository} over the sqs_* tables. Receives take messages with a compare-and-set on
 * receive_count, so concurrent receivers (on any node) never get the same message in one visibility window.
 * Thread-safe (stateless; connections per call).
 */
public final class JdbcQueueRepository implements QueueRepository {
    private static final String QUEUE_COLUMNS =
            "queue_id, account_id, region, queue_name, fifo, attributes, created_at, modified_at, purged_at";
    private static final String MESSAGE_COLUMNS = "queue_id, message_id, seq, body, body_md5, attributes,"
            + " attributes_md5, trace_header, sender_id, sent_at, visible_at, receive_count, first_received_at,"
            + " receipt, group_id, dedup_id, dlq_source_arn";

    private final Jdbc jdbc;
    private final String upsertTag;
    private final String upsertTombstone;

    public JdbcQueueRepository(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertTag = d.upsert("sqs_queue_tags", List.of("queue_id", "tag_key"), List.of("tag_value"));
        this.upsertTombstone = d.upsert("sqs_deleted_queues", List.of("account_id", "region", "queue_name"),
                List.of("deleted_at"));
    }

    @Override
    public Optional<Queue> find(String accountId, String region, String name) {
        return jdbc.queryOne("SELECT " + QUEUE_COLUMNS + " FROM sqs_queues WHERE account_id = ? AND region = ?"
                + " AND queue_name = ?", JdbcQueueRepository::queue, accountId, region, name);
    }

    @Override
    public Optional<Queue> findById(String queueId) {
        return jdbc.queryOne("SELECT " + QUEUE_COLUMNS + " FROM sqs_queues WHERE queue_id = ?",
                JdbcQueueRepository::queue, queueId);
    }

    @Override
    public Optional<Instant> deletedAt(String accountId, String region, String name) {
        return jdbc.queryOne("SELECT deleted_at FROM sqs_deleted_queues WHERE account_id = ? AND region = ?"
                + " AND queue_name = ?", rs -> Rows.instant(rs, "deleted_at"), accountId, region, name);
    }

    @Override
    public boolean create(Queue q, Map<String, String> tags) {
        try {
            return jdbc.inTransaction(c -> {
                jdbc.update("INSERT INTO sqs_queues (" + QUEUE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        q.queueId(), q.accountId(), q.region(), q.name(), q.fifo(), Json.write(q.attributes()),
                        q.createdAt(), q.modifiedAt(), null);
                tag(q.queueId(), tags);
                return true;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return false;
            throw e;
        }
    }

    @Override
    public void updateAttributes(String queueId, Map<String, String> attributes, Instant modifiedAt) {
        jdbc.update("UPDATE sqs_queues SET attributes = ?, modified_at = ? WHERE queue_id = ?",
                Json.write(attributes), modifiedAt, queueId);
    }

    @Override
    public void delete(Queue q, Instant at) {
        jdbc.inTransaction(c -> {
            jdbc.update("DELETE FROM sqs_messages WHERE queue_id = ?", q.queueId());
            jdbc.update("DELETE FROM sqs_dedup WHERE queue_id = ?", q.queueId());
            jdbc.update("DELETE FROM sqs_queue_tags WHERE queue_id = ?", q.queueId());
            jdbc.update("DELETE FROM sqs_queues WHERE queue_id = ?", q.queueId());
            jdbc.update(upsertTombstone, q.accountId(), q.region(), q.name(), at);
            return null;
        });
    }

    @Override
    public List<Queue> list(String accountId, String region, String prefix) {
        List<Queue> all = jdbc.query("SELECT " + QUEUE_COLUMNS + " FROM sqs_queues WHERE account_id = ? AND region = ?"
                + " ORDER BY queue_name", JdbcQueueRepository::queue, accountId, region);
        // Filtered here, not with LIKE: names contain '_', a LIKE wildcard.
        return prefix == null ? all : all.stream().filter(q -> q.name().startsWith(prefix)).toList();
    }

    @Override
    public List<Queue> all() {
        return jdbc.query("SELECT " + QUEUE_COLUMNS + " FROM sqs_queues", JdbcQueueRepository::queue);
    }

    @Override
    public SortedMap<String, String> tags(String queueId) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String[] kv : jdbc.query("SELECT tag_key, tag_value FROM sqs_queue_tags WHERE queue_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, queueId)) {
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    @Override
    public void tag(String queueId, Map<String, String> tags) {
        List<Object[]> rows = new ArrayList<>();
        tags.forEach((k, v) -> rows.add(new Object[] {queueId, k, v}));
        jdbc.batch(upsertTag, rows);
    }

    @Override
    public void untag(String queueId, Collection<String> keys) {
        for (String k : keys) jdbc.update("DELETE FROM sqs_queue_tags WHERE queue_id = ? AND tag_key = ?", queueId, k);
    }

    @Override
    public StoredMessage enqueue(StoredMessage m, String dedupScope, Instant now, Instant dedupExpiresAt) {
        if (dedupScope == null) {
            insert(m);
            return m;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbc.inTransaction(c -> {
                    jdbc.update("DELETE FROM sqs_dedup WHERE queue_id = ? AND scope_key = ? AND dedup_id = ?"
                            + " AND expires_at <= ?", m.queueId(), dedupScope, m.dedupId(), now);
                    Optional<String[]> seen = jdbc.queryOne("SELECT message_id, seq FROM sqs_dedup WHERE queue_id = ?"
                                    + " AND scope_key = ? AND dedup_id = ?",
                            rs -> new String[] {rs.getString(1), String.valueOf(rs.getLong(2))},
                            m.queueId(), dedupScope, m.dedupId());
                    if (seen.isPresent()) {
                        return new StoredMessage(m.queueId(), seen.get()[0], Long.parseLong(seen.get()[1]), m.body(),
                                m.bodyMd5(), m.attributes(), m.attributesMd5(), m.traceHeader(), m.senderId(),
                                m.sentAt(), m.visibleAt(), 0, null, null, m.groupId(), m.dedupId(), null);
                    }
                    jdbc.update("INSERT INTO sqs_dedup (queue_id, scope_key, dedup_id, message_id, seq, expires_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", m.queueId(), dedupScope, m.dedupId(), m.messageId(), m.seq(),
                            dedupExpiresAt);
                    insert(m);
                    return m;
                });
            } catch (StoreException e) {
                // A concurrent send with the same id won the insert: the next attempt sees its row.
                if (!(e.isUniqueViolation() || e.isConflict()) || attempt == 2) throw e;
            }
        }
    }

    private static final String INSERT_MESSAGE = "INSERT INTO sqs_messages (" + MESSAGE_COLUMNS + ") VALUES (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void insert(StoredMessage m) {
        jdbc.update(INSERT_MESSAGE, row(m));
    }

    private static Object[] row(StoredMessage m) {
        return new Object[] {m.queueId(), m.messageId(), m.seq(), m.body(), m.bodyMd5(),
                Json.writeAttributes(m.attributes()), m.attributesMd5(), m.traceHeader(), m.senderId(), m.sentAt(),
                m.visibleAt(), m.receiveCount(), m.firstReceivedAt(), m.receipt(), m.groupId(), m.dedupId(),
                m.dlqSourceArn()};
    }

    @Override
    public void insertAll(List<StoredMessage> messages) {
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) rows.add(row(m));
        jdbc.batch(INSERT_MESSAGE, rows);
    }

    @Override
    public List<StoredMessage> visible(String queueId, Instant now, int limit) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM sqs_messages WHERE queue_id = ? AND visible_at <= ?"
                + " ORDER BY seq LIMIT " + Math.max(1, limit), JdbcQueueRepository::message, queueId, now);
    }

    @Override
    public Set<String> inFlightGroups(String queueId, Instant now) {
        return new HashSet<>(jdbc.query("SELECT DISTINCT group_id FROM sqs_messages WHERE queue_id = ?"
                + " AND visible_at > ? AND receive_count > 0 AND group_id IS NOT NULL", rs -> rs.getString(1), queueId, now));
    }

    @Override
    public boolean claim(StoredMessage m, Instant now, Instant visibleUntil, String receipt) {
        return jdbc.update("UPDATE sqs_messages SET visible_at = ?, receive_count = receive_count + 1, receipt = ?,"
                        + " first_received_at = COALESCE(first_received_at, ?) WHERE queue_id = ? AND message_id = ?"
                        + " AND receive_count = ? AND visible_at <= ?",
                visibleUntil, receipt, now, m.queueId(), m.messageId(), m.receiveCount(), now) == 1;
    }

    @Override
    public boolean moveToDeadLetter(StoredMessage m, String deadLetterQueueId, String sourceArn, Instant now) {
        return jdbc.inTransaction(c -> {
            int taken = jdbc.update("DELETE FROM sqs_messages WHERE queue_id = ? AND message_id = ? AND receive_count = ?",
                    m.queueId(), m.messageId(), m.receiveCount());
            if (taken != 1) return false;
            insert(m.movedTo(deadLetterQueueId, sourceArn, now));
            return true;
        });
    }

    @Override
    public Optional<StoredMessage> message(String queueId, String messageId) {
        return jdbc.queryOne("SELECT " + MESSAGE_COLUMNS + " FROM sqs_messages WHERE queue_id = ? AND message_id = ?",
                JdbcQueueRepository::message, queueId, messageId);
    }

    @Override
    public boolean deleteMessage(String queueId, String messageId) {
        return jdbc.update("DELETE FROM sqs_messages WHERE queue_id = ? AND message_id = ?", queueId, messageId) == 1;
    }

    @Override
    public boolean changeVisibility(String queueId, String messageId, String receipt, Instant visibleAt) {
        return jdbc.update("UPDATE sqs_messages SET visible_at = ? WHERE queue_id = ? AND message_id = ? AND receipt = ?",
                visibleAt, queueId, messageId, receipt) == 1;
    }

    @Override
    public int purge(String queueId, Instant at) {
        return jdbc.inTransaction(c -> {
            jdbc.update("UPDATE sqs_queues SET purged_at = ? WHERE queue_id = ?", at, queueId);
            return jdbc.update("DELETE FROM sqs_messages WHERE queue_id = ? AND sent_at <= ?", queueId, at);
        });
    }

    @Override
    public long[] counts(String queueId, Instant now) {
        return jdbc.queryOne("SELECT"
                + " SUM(CASE WHEN visible_at <= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN visible_at > ? AND receive_count > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN visible_at > ? AND receive_count = 0 THEN 1 ELSE 0 END)"
                + " FROM sqs_messages WHERE queue_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, now, now, now, queueId)
                .orElse(new long[3]);
    }

    @Override
    public int expire(String queueId, Instant sentBefore) {
        return jdbc.update("DELETE FROM sqs_messages WHERE queue_id = ? AND sent_at < ?", queueId, sentBefore);
    }

    @Override
    public void sweep(Instant now, Instant tombstonesBefore) {
        jdbc.update("DELETE FROM sqs_dedup WHERE expires_at <= ?", now);
        jdbc.update("DELETE FROM sqs_deleted_queues WHERE deleted_at < ?", tombstonesBefore);
    }

    @Override
    public <T> T lockedForReceive(String queueId, Supplier<T> work) {
        return jdbc.inTransaction(c -> {
            jdbc.query("SELECT queue_id FROM sqs_queues WHERE queue_id = ? FOR UPDATE", rs -> rs.getString(1), queueId);
            return work.get();
        });
    }

    private static Queue queue(ResultSet rs) throws SQLException {
        return new Queue(rs.getString("queue_id"), rs.getString("account_id"), rs.getString("region"),
                rs.getString("queue_name"), rs.getBoolean("fifo"), Json.stringMap(rs.getString("attributes")),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "modified_at"), Rows.instant(rs, "purged_at"));
    }

    private static StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getString("queue_id"), rs.getString("message_id"), rs.getLong("seq"),
                rs.getString("body"), rs.getString("body_md5"), Json.readAttributes(rs.getString("attributes")),
                rs.getString("attributes_md5"), rs.getString("trace_header"), rs.getString("sender_id"),
                Rows.instant(rs, "sent_at"), Rows.instant(rs, "visible_at"), rs.getInt("receive_count"),
                Rows.instant(rs, "first_received_at"), rs.getString("receipt"), rs.getString("group_id"),
                rs.getString("dedup_id"), rs.getString("dlq_source_arn"));
    }
}
