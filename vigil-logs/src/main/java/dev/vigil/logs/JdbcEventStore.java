package dev.vigil.logs;

import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link EventStore} over logs_events. An append is one sequence call for a block of event ids, then one
 * transaction: the stream row's statistics update (which also locks the stream against a concurrent delete) and
 * one batched INSERT of the request's events. Reads page by (timestamp, event id) keysets on the two indexes.
 * Thread-safe (stateless; connections per call).
 */
public final class JdbcEventStore implements EventStore {
    static final int SCAN_PAGE = 5000;
    private static final String COLUMNS = "event_id, group_id, stream_id, ts, ingestion_time, message";
    private static final String INSERT = "INSERT INTO logs_events (event_id, group_id, stream_id, ts, ingestion_time,"
            + " message) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TOUCH_STREAM = "UPDATE logs_streams SET"
            + " first_event = CASE WHEN first_event IS NULL OR first_event > ? THEN ? ELSE first_event END,"
            + " last_event = CASE WHEN last_event IS NULL OR last_event < ? THEN ? ELSE last_event END,"
            + " last_ingestion = ?, stored_bytes = stored_bytes + ? WHERE stream_id = ?";

    private final Jdbc jdbc;
    private final String nextBlock;

    public JdbcEventStore(Database database) {
        this.jdbc = new Jdbc(database);
        this.nextBlock = Dialect.of(database.engine()) == Dialect.H2 ? "SELECT NEXT VALUE FOR logs_event_ids"
                : "SELECT nextval('logs_event_ids')";
    }

    static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6));
    }

    @Override
    public List<StoredEvent> append(LogStream stream, List<NewEvent> events, long ingestionTime) {
        if (events.isEmpty()) return List.of();
        long base = jdbc.queryOne(nextBlock, rs -> rs.getLong(1)).orElseThrow();
        long bytes = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            bytes += e.message().getBytes(StandardCharsets.UTF_8).length;
            min = Math.min(min, e.timestamp());
            max = Math.max(max, e.timestamp());
            stored.add(new StoredEvent(base + i, stream.groupId(), stream.id(), e.timestamp(), ingestionTime, e.message()));
        }
        long first = min, last = max, size = bytes;
        jdbc.inTransaction(c -> {
            int touched = jdbc.update(TOUCH_STREAM, first, first, last, last, ingestionTime, size, stream.id());
            if (touched == 0) throw LogsErrors.streamNotFound();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (StoredEvent e : stored) {
                    ps.setLong(1, e.id());
                    ps.setLong(2, e.groupId());
                    ps.setLong(3, e.streamId());
                    ps.setLong(4, e.timestamp());
                    ps.setLong(5, e.ingestionTime());
                    ps.setString(6, e.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return stored;
    }

    @Override
    public List<StoredEvent> read(Range r) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM logs_events WHERE ");
        List<Object> args = new ArrayList<>();
        if (r.streamId() != null) {
            sql.append("stream_id = ?");
            args.add(r.streamId());
        } else {
            sql.append("group_id = ?");
            args.add(r.groupId());
        }
        sql.append(" AND ts >= ? AND ts < ?");
        args.add(r.fromTs());
        args.add(r.toTs());
        if (r.after() != null) {
            sql.append(" AND (ts > ? OR (ts = ? AND event_id > ?))");
            args.add(r.after().timestamp());
            args.add(r.after().timestamp());
            args.add(r.after().eventId());
        }
        if (r.before() != null) {
            sql.append(" AND (ts < ? OR (ts = ? AND event_id < ?))");
            args.add(r.before().timestamp());
            args.add(r.before().timestamp());
            args.add(r.before().eventId());
        }
        String dir = r.descending() ? " DESC" : "";
        sql.append(" ORDER BY ts").append(dir).append(", event_id").append(dir).append(" LIMIT ").append(r.limit());
        return jdbc.query(sql.toString(), JdbcEventStore::event, args.toArray());
    }

    @Override
    public void scan(long groupId, long fromTs, long toTs, Predicate<StoredEvent> sink) {
        Position after = null;
        while (true) {
            List<StoredEvent> page = read(new Range(groupId, null, fromTs, toTs, after, null, false, SCAN_PAGE));
            for (StoredEvent e : page) if (!sink.test(e)) return;
            if (page.size() < SCAN_PAGE) return;
            StoredEvent last = page.get(page.size() - 1);
            after = new Position(last.timestamp(), last.id());
        }
    }

    @Override
    public Optional<StoredEvent> get(long groupId, long timestamp, long eventId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM logs_events WHERE group_id = ? AND ts = ? AND event_id = ?",
                JdbcEventStore::event, groupId, timestamp, eventId);
    }

    @Override
    public int expire(long groupId, long cutoff) {
        return jdbc.inTransaction(c -> {
            int deleted = jdbc.update("DELETE FROM logs_events WHERE group_id = ? AND ts < ?", groupId, cutoff);
            if (deleted > 0) {
                jdbc.update("UPDATE logs_streams SET"
                        + " first_event = (SELECT MIN(e.ts) FROM logs_events e WHERE e.stream_id = logs_streams.stream_id),"
                        + " stored_bytes = (SELECT COALESCE(SUM(OCTET_LENGTH(e.message)), 0) FROM logs_events e"
                        + " WHERE e.stream_id = logs_streams.stream_id) WHERE group_id = ?", groupId);
            }
            return deleted;
        });
    }
}
