package dev.vigil.logs;

import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * {@link EventStore} over logs_chunks: each append is one sequence call for a block of event ids, then one
 * transaction that updates the stream's statistics (which also locks the stream against a concurrent delete) and
 * inserts the events as one chunk row ({@link EventChunk}). Reads merge the chunks that overlap the range: chunks
 * come in order of their first timestamp (last, reading backward) and an event is handed out only once no chunk
 * still unread can hold an earlier (later) one. Since a chunk spans at most 24 hours, the index ranges are
 * bounded on both sides. Thread-safe (stateless; connections per call).
 */
public final class JdbcEventStore implements EventStore {
    static final long MAX_SPAN_MS = 86_400_000L;
    static final int IDS_PER_BLOCK = 10_000;
    /** Chunks per read query: each query re-enters the index, so a long scan pays per page (~100 KB a chunk). */
    private static final int CHUNK_PAGE = 128;
    private static final String COLUMNS = "chunk_id, group_id, stream_id, min_ts, max_ts, event_count, ingestion_time,"
            + " stored_bytes, payload";
    private static final String INSERT = "INSERT INTO logs_chunks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
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

    static EventChunk chunk(ResultSet rs) throws SQLException {
        return new EventChunk(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
                rs.getLong(7), rs.getLong(8), rs.getBytes(9));
    }

    @Override
    public List<StoredEvent> append(LogStream stream, List<NewEvent> events, long ingestionTime) {
        if (events.isEmpty()) return List.of();
        if (events.size() > IDS_PER_BLOCK) throw new IllegalArgumentException("at most " + IDS_PER_BLOCK + " events");
        List<NewEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(NewEvent::timestamp));
        long base = jdbc.queryOne(nextBlock, rs -> rs.getLong(1)).orElseThrow();
        List<EventChunk> chunks = new ArrayList<>(1);
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i).timestamp() - sorted.get(start).timestamp() > MAX_SPAN_MS) {
                chunks.add(EventChunk.encode(base + start, stream.groupId(), stream.id(), sorted.subList(start, i),
                        ingestionTime));
                start = i;
            }
        }
        long bytes = chunks.stream().mapToLong(EventChunk::bytes).sum();
        long first = sorted.get(0).timestamp();
        long last = sorted.get(sorted.size() - 1).timestamp();
        jdbc.inTransaction(c -> {
            int touched = jdbc.update(TOUCH_STREAM, first, first, last, last, ingestionTime, bytes, stream.id());
            if (touched == 0) throw LogsErrors.streamNotFound();
            List<Object[]> rows = new ArrayList<>(chunks.size());
            for (EventChunk k : chunks) {
                rows.add(new Object[] {k.id(), k.groupId(), k.streamId(), k.minTs(), k.maxTs(), k.count(),
                        k.ingestionTime(), k.bytes(), k.payload()});
            }
            jdbc.batch(INSERT, rows);
            return null;
        });
        List<StoredEvent> stored = new ArrayList<>(sorted.size());
        for (EventChunk k : chunks) {
            for (int i = 0; i < k.count(); i++) {
                NewEvent e = sorted.get((int) (k.id() - base) + i);
                stored.add(new StoredEvent(k.id() + i, k.groupId(), k.streamId(), e.timestamp(), ingestionTime, e.message()));
            }
        }
        return stored;
    }

    /** One decoded chunk's wanted events and the next one to hand out. Not thread-safe: one scan's. */
    private static final class Run {
        final List<StoredEvent> events;
        int next;

        Run(List<StoredEvent> events) {
            this.events = events;
        }

        StoredEvent head() {
            return events.get(next);
        }
    }

    private static int compare(StoredEvent a, StoredEvent b) {
        int c = Long.compare(a.timestamp(), b.timestamp());
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    @Override
    public void scan(Range r, Predicate<StoredEvent> filter, Predicate<StoredEvent> sink) {
        boolean desc = r.descending();
        long from = r.fromTs();
        long to = r.toTs();
        if (from >= to) return;
        ChunkCursor chunks = desc
                ? new ChunkCursor(r, true, r.before() == null ? to - 1 : Math.min(r.before().timestamp(), to - 1))
                : new ChunkCursor(r, false, r.after() == null ? from : Math.max(r.after().timestamp(), from));
        byte[][] required = filter instanceof TextFilter t ? EventChunk.utf8(t.requiredTexts()) : EventChunk.NO_TEXTS;
        // A k-way merge of the decoded chunks that overlap, ordered by each one's next event.
        Comparator<Run> byHead = desc ? (a, b) -> compare(b.head(), a.head()) : (a, b) -> compare(a.head(), b.head());
        PriorityQueue<Run> runs = new PriorityQueue<>(byHead);
        while (true) {
            // Decode chunks until none left unread could hold an event that sorts before the next one out.
            while (chunks.hasNext() && (runs.isEmpty() || (desc ? runs.peek().head().timestamp() <= chunks.nextBound()
                    : runs.peek().head().timestamp() >= chunks.nextBound()))) {
                List<StoredEvent> decoded = chunks.next().decode(required);
                List<StoredEvent> wanted = new ArrayList<>(decoded.size());
                for (StoredEvent e : decoded) {
                    if (e.timestamp() >= from && e.timestamp() < to && (r.after() == null || after(e, r.after()))
                            && (r.before() == null || before(e, r.before())) && filter.test(e)) wanted.add(e);
                }
                if (desc) java.util.Collections.reverse(wanted);
                if (!wanted.isEmpty()) runs.add(new Run(wanted));
            }
            Run run = runs.poll();
            if (run == null) return;
            // Hand out this run's events while they stay ahead of every other run and of the unread chunks.
            Run other = runs.peek();
            boolean more = chunks.hasNext();
            long bound = more ? chunks.nextBound() : 0;
            do {
                StoredEvent e = run.events.get(run.next++);
                if (!sink.test(e)) return;
                if (run.next == run.events.size()) break;
                StoredEvent h = run.head();
                if (other != null && byHead.compare(run, other) > 0) break;
                if (more && (desc ? h.timestamp() <= bound : h.timestamp() >= bound)) break;
            } while (true);
            if (run.next < run.events.size()) runs.add(run);
        }
    }

    @Override
    public void scanAnyOrder(long groupId, long fromTs, long toTs, Predicate<StoredEvent> sink) {
        if (fromTs >= toTs) return;
        ChunkCursor chunks = new ChunkCursor(new Range(groupId, null, fromTs, toTs, null, null, false, Integer.MAX_VALUE),
                false, fromTs);
        while (chunks.hasNext()) {
            for (StoredEvent e : chunks.next().decode()) {
                if (e.timestamp() >= fromTs && e.timestamp() < toTs && !sink.test(e)) return;
            }
        }
    }

    private static boolean after(StoredEvent e, Position p) {
        return e.timestamp() > p.timestamp() || (e.timestamp() == p.timestamp() && e.id() > p.eventId());
    }

    private static boolean before(StoredEvent e, Position p) {
        return e.timestamp() < p.timestamp() || (e.timestamp() == p.timestamp() && e.id() < p.eventId());
    }

    private static long plus(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : s;
    }

    /**
     * The chunks a range overlaps, in pages, ordered by first timestamp (forward) or last timestamp (backward).
     * Not thread-safe: one scan's.
     */
    private final class ChunkCursor {
        private final Range range;
        private final boolean desc;
        private final long bound;
        private final List<EventChunk> page = new ArrayList<>();
        private int index;
        private boolean exhausted;
        private EventChunk lastRead;

        /** bound: the earliest timestamp wanted reading forward, the latest reading backward. */
        ChunkCursor(Range range, boolean desc, long bound) {
            this.range = range;
            this.desc = desc;
            this.bound = bound;
        }

        boolean hasNext() {
            if (index < page.size()) return true;
            if (exhausted) return false;
            fetch();
            return index < page.size();
        }

        /** The first (forward) or last (backward) timestamp of the next chunk; call after hasNext(). */
        long nextBound() {
            EventChunk k = page.get(index);
            return desc ? k.maxTs() : k.minTs();
        }

        EventChunk next() {
            lastRead = page.get(index++);
            return lastRead;
        }

        private void fetch() {
            page.clear();
            index = 0;
            String key = range.streamId() != null ? "stream_id" : "group_id";
            long keyValue = range.streamId() != null ? range.streamId() : range.groupId();
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM logs_chunks WHERE ").append(key).append(" = ?");
            List<Object> args = new ArrayList<>(List.of(keyValue));
            if (range.streamId() != null) {
                sql.append(" AND group_id = ?");
                args.add(range.groupId());
            }
            if (!desc) {
                // Chunks holding events at or after the bound: their first event is at most 24 hours earlier.
                sql.append(" AND min_ts >= ? AND min_ts < ? AND max_ts >= ?");
                args.add(plus(bound, -MAX_SPAN_MS));
                args.add(range.toTs());
                args.add(bound);
                if (lastRead != null) {
                    // The plain range bound lets the index start at the last chunk read instead of the page's first.
                    sql.append(" AND min_ts >= ? AND (min_ts > ? OR (min_ts = ? AND chunk_id > ?))");
                    args.add(lastRead.minTs());
                    args.add(lastRead.minTs());
                    args.add(lastRead.minTs());
                    args.add(lastRead.id());
                }
                sql.append(" ORDER BY min_ts, chunk_id");
            } else {
                sql.append(" AND max_ts <= ? AND max_ts >= ? AND min_ts <= ?");
                args.add(plus(bound, MAX_SPAN_MS));
                args.add(range.fromTs());
                args.add(bound);
                if (lastRead != null) {
                    sql.append(" AND max_ts <= ? AND (max_ts < ? OR (max_ts = ? AND chunk_id < ?))");
                    args.add(lastRead.maxTs());
                    args.add(lastRead.maxTs());
                    args.add(lastRead.maxTs());
                    args.add(lastRead.id());
                }
                sql.append(" ORDER BY max_ts DESC, chunk_id DESC");
            }
            sql.append(" LIMIT ").append(CHUNK_PAGE);
            page.addAll(jdbc.query(sql.toString(), JdbcEventStore::chunk, args.toArray()));
            if (page.size() < CHUNK_PAGE) exhausted = true;
        }
    }

    @Override
    public List<Appended> appendedAfter(java.util.Collection<Long> groupIds, long afterChunkId, int max) {
        if (groupIds.isEmpty() || max <= 0) return List.of();
        // The primary key range comes first: only the chunks appended since the last poll are visited.
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM logs_chunks WHERE chunk_id > ? AND group_id IN (");
        List<Object> args = new ArrayList<>();
        args.add(afterChunkId);
        for (Long g : groupIds) {
            sql.append(args.size() == 1 ? "?" : ", ?");
            args.add(g);
        }
        sql.append(") ORDER BY chunk_id LIMIT ").append(max);
        List<Appended> out = new ArrayList<>();
        for (EventChunk k : jdbc.query(sql.toString(), JdbcEventStore::chunk, args.toArray())) {
            out.add(new Appended(k.id(), k.ingestionTime(), k.decode()));
        }
        return out;
    }

    @Override
    public long lastChunkId() {
        return jdbc.queryOne("SELECT COALESCE(MAX(chunk_id), 0) FROM logs_chunks", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public Optional<StoredEvent> get(long groupId, long timestamp, long eventId) {
        Optional<EventChunk> chunk = jdbc.queryOne("SELECT " + COLUMNS + " FROM logs_chunks WHERE group_id = ?"
                + " AND chunk_id <= ? AND chunk_id > ? AND min_ts <= ? AND max_ts >= ? ORDER BY chunk_id DESC LIMIT 1",
                JdbcEventStore::chunk, groupId, eventId, eventId - IDS_PER_BLOCK, timestamp, timestamp);
        return chunk.flatMap(k -> k.decode().stream().filter(e -> e.id() == eventId && e.timestamp() == timestamp)
                .findFirst());
    }

    @Override
    public int expire(long groupId, long cutoff) {
        return jdbc.inTransaction(c -> {
            int deleted = jdbc.queryOne("SELECT COALESCE(SUM(event_count), 0) FROM logs_chunks WHERE group_id = ?"
                    + " AND max_ts < ?", rs -> rs.getInt(1), groupId, cutoff).orElse(0);
            jdbc.update("DELETE FROM logs_chunks WHERE group_id = ? AND max_ts < ?", groupId, cutoff);
            // Chunks that straddle the cutoff keep their newer events, under the same ids.
            for (EventChunk k : jdbc.query("SELECT " + COLUMNS + " FROM logs_chunks WHERE group_id = ? AND min_ts < ?",
                    JdbcEventStore::chunk, groupId, cutoff)) {
                List<StoredEvent> kept = k.decode().stream().filter(e -> e.timestamp() >= cutoff).toList();
                deleted += k.count() - kept.size();
                jdbc.update("DELETE FROM logs_chunks WHERE chunk_id = ?", k.id());
                EventChunk rest = EventChunk.encode(kept.get(0).id(), k.groupId(), k.streamId(),
                        kept.stream().map(e -> new NewEvent(e.timestamp(), e.message())).toList(), k.ingestionTime());
                jdbc.update(INSERT, rest.id(), rest.groupId(), rest.streamId(), rest.minTs(), rest.maxTs(), rest.count(),
                        rest.ingestionTime(), rest.bytes(), rest.payload());
            }
            if (deleted > 0) {
                jdbc.update("UPDATE logs_streams SET"
                        + " first_event = (SELECT MIN(c.min_ts) FROM logs_chunks c WHERE c.stream_id = logs_streams.stream_id),"
                        + " stored_bytes = (SELECT COALESCE(SUM(c.stored_bytes), 0) FROM logs_chunks c"
                        + " WHERE c.stream_id = logs_streams.stream_id) WHERE group_id = ?", groupId);
            }
            return deleted;
        });
    }
}
