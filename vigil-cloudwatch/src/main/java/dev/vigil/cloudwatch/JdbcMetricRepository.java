package dev.vigil.cloudwatch;

import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link MetricRepository} and {@link MetricRollupStore} over db/cloudwatch (H2 and PostgreSQL).
 *
 * <p>The write path (DESIGN §4's purpose-built append path for telemetry) inserts the request's points as one
 * binary {@link PointBatch} row in {@code cw_ingest} (or a few, 256 KB each) in one transaction: one index entry
 * per request instead of two per datum, durable when append returns. Batches are folded into
 * {@code cw_datapoints}, merged into one row per series, timestamp, resolution and unit (lossless: every reader
 * sums the points of a period anyway), in the transaction that deletes them. Appends never fold: once
 * {@link #FOLD_AFTER_POINTS} points are pending on a node they wake its {@link BackgroundFolder}, and only when
 * {@link #BACKLOG_FACTOR} times that is pending do they wait for it (or fold themselves when no folder runs).
 * Reads, roll-ups and retention fold whatever any node left pending first, so they see each acknowledged point
 * exactly once. Folders on several nodes skip the batches another one deleted first.
 *
 * <p>Series ids are cached in memory, so a steady stream of known series costs no lookup; new series are
 * created by one thread per node (one batched upsert, then indexed lookups), outside the points' transaction so
 * a failed upsert race never aborts it. A series' last_seen is refreshed at most once a minute.
 *
 * <p>Thread-safe: the id cache is a concurrent map (entries are only ever added or cleared), series creation
 * and folds take a lock each (one fold at a time per node), and the counters are atomic.
 */
public final class JdbcMetricRepository implements MetricRepository, MetricRollupStore, AutoCloseable {
    private static final String INSERT_POINT = "INSERT INTO cw_datapoints (metric_id, ts, storage_resolution, unit,"
            + " sample_count, value_sum, value_min, value_max, value_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_POINTS = "SELECT ts, storage_resolution, unit, sample_count, value_sum,"
            + " value_min, value_max, value_counts FROM cw_datapoints WHERE metric_id = ? AND ts >= ? AND ts < ?";
    private static final String INSERT_BATCH = "INSERT INTO cw_ingest (points) VALUES (?)";
    private static final String SELECT_BATCHES = "SELECT batch_id, points FROM cw_ingest WHERE batch_id <= ?"
            + " ORDER BY batch_id FETCH FIRST ";
    /** Points pending on this node (appended since its folds caught up) from which the folder folds. */
    static final int FOLD_AFTER_POINTS = 400_000;
    /** Pending points, in multiples of FOLD_AFTER_POINTS, from which appenders wait for the folder. */
    static final int BACKLOG_FACTOR = 4;
    /**
     * Batches per fold transaction. Larger folds merge more points of a busy series into one row (1024 measured
     * ~25% less CPU per datapoint than 256); off the request path their length delays no acknowledgement.
     */
    private static final int FOLD_BATCHES = 1024;
    private static final long TOUCH_INTERVAL_MS = 60_000;
    private static final int MAX_CACHED_SERIES = 1_000_000;
    private static final int LIST_CHUNK = 1000;

    /** A cached series id and the last_seen we last wrote for it. */
    private static final class Series {
        final long id;
        volatile long lastSeen;

        Series(long id, long lastSeen) {
            this.id = id;
            this.lastSeen = lastSeen;
        }
    }

    private final Jdbc jdbc;
    private final String upsertMetric;
    /** Where a series lives; the cache key, so known series cost no SHA-256 of their canonical text. */
    private record CacheKey(String accountId, String region, MetricKey key, int hash) {
        /** MetricKey hashes its dimension map on every call: the key's hash is computed once, here. */
        CacheKey(String accountId, String region, MetricKey key) {
            this(accountId, region, key, (accountId.hashCode() * 31 + region.hashCode()) * 31 + key.hashCode());
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && hash == k.hash && key.equals(k.key) && accountId.equals(k.accountId)
                    && region.equals(k.region);
        }
    }

    private final Map<CacheKey, Series> ids = new ConcurrentHashMap<>();
    private final Object creating = new Object();
    private final int foldAfterPoints;
    private final AtomicInteger unfolded = new AtomicInteger(); // points pending on this node: a hint that triggers folds
    private final ReentrantLock folding = new ReentrantLock(); // one fold at a time on this node
    private final Object drained = new Object(); // notified after each fold, for appenders waiting on the backlog
    private final BackgroundFolder folder = new BackgroundFolder(this);
    private volatile boolean folderStarted;

    public JdbcMetricRepository(Database database) {
        this(database, FOLD_AFTER_POINTS);
    }

    JdbcMetricRepository(Database database, int foldAfterPoints) {
        this.foldAfterPoints = foldAfterPoints;
        this.jdbc = new Jdbc(database);
        this.upsertMetric = Dialect.of(database.engine()).upsert("cw_metrics",
                List.of("account_id", "region", "series_key"),
                List.of("namespace", "metric_name", "dimensions", "last_seen"));
    }

    /**
     * Starts this node's background folder (after the store is migrated). Without it, appends still leave folding
     * to reads until the backlog limit, where they fold themselves.
     */
    public void startFolding() {
        if (folderStarted) return;
        folderStarted = true;
        folder.start();
    }

    /** Rounds the background folder completed (tests wait for its start-up round). */
    long folderRounds() {
        return folder.rounds();
    }

    /** Stops the background folder once its fold in progress has committed; what is pending stays in the log. */
    @Override
    public void close() {
        folder.close();
    }

    /** Forgets cached series ids (before a reset wipes the tables, or after retention deleted metrics). */
    public void clearCaches() {
        ids.clear();
        unfolded.set(0);
    }

    // --- append ---

    @Override
    public void append(String accountId, String region, List<Sample> samples, Instant receivedAt) {
        if (samples.isEmpty()) return;
        long now = receivedAt.toEpochMilli();
        Series[] series = resolve(accountId, region, samples, now);
        List<PointBatch.Entry> entries = new ArrayList<>(samples.size());
        for (int i = 0; i < series.length; i++) entries.add(new PointBatch.Entry(series[i].id, samples.get(i).point()));
        List<byte[]> batches = PointBatch.encode(entries);
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_BATCH)) {
                for (byte[] b : batches) {
                    ps.setBytes(1, b);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        touch(series, now);
        int pending = unfolded.addAndGet(samples.size());
        if (pending >= foldAfterPoints) folder.wake();
        if (pending >= backlogLimit()) awaitBacklog();
    }

    private long backlogLimit() {
        return BACKLOG_FACTOR * (long) foldAfterPoints;
    }

    /**
     * Back-pressure: the points are committed already; the answer waits until the folder brought the backlog
     * under the limit, which paces appenders to the folds. With no folder running, the appender folds a chunk.
     */
    private void awaitBacklog() {
        while (unfolded.get() >= backlogLimit()) {
            if (!folder.isAlive()) {
                foldChunk();
                return;
            }
            synchronized (drained) {
                if (unfolded.get() < backlogLimit()) return;
                try {
                    drained.wait(100); // re-checks that the folder is still alive
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // --- folding the ingest log into cw_datapoints ---

    /** Whether this node has enough points pending for the folder to fold. */
    boolean foldNeeded() {
        return unfolded.get() >= foldAfterPoints;
    }

    /**
     * Folds one transaction of the oldest pending batches (any node's); returns how many batches it found
     * (0: the log is empty, and this node's count is reset).
     */
    int foldChunk() {
        folding.lock();
        try {
            return foldChunks(Long.MAX_VALUE, 1);
        } finally {
            folding.unlock();
        }
    }

    /**
     * Folds every batch committed before this call (on any node) into cw_datapoints, so a read that follows sees
     * all acknowledged points exactly once.
     */
    void foldPending() {
        folding.lock();
        try {
            long upTo = maxBatchId();
            if (upTo > 0) foldChunks(upTo, Integer.MAX_VALUE);
            unfolded.set(0); // a hint only: an append racing this loses its count, and a later fold or read takes it
        } finally {
            folding.unlock();
        }
        signalDrained();
    }

    private void signalDrained() {
        synchronized (drained) {
            drained.notifyAll();
        }
    }

    private long maxBatchId() {
        return jdbc.queryOne("SELECT MAX(batch_id) FROM cw_ingest", rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * Folds batches up to {@code upTo}, at most {@code chunks} transactions of FOLD_BATCHES batches; returns the
     * batches read. The caller holds the fold lock.
     */
    private int foldChunks(long upTo, int chunks) {
        String sql = SELECT_BATCHES + FOLD_BATCHES + " ROWS ONLY";
        int read = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<Object[]> rows = jdbc.query(sql, rs -> new Object[] {rs.getLong(1), rs.getBytes(2)}, upTo);
            if (rows.isEmpty()) {
                if (upTo == Long.MAX_VALUE) unfolded.set(0); // nothing pending anywhere (another node folded ours)
                break;
            }
            read += rows.size();
            int points = jdbc.inTransaction(c -> fold(c, rows));
            unfolded.updateAndGet(n -> Math.max(0, n - points));
            signalDrained();
            if (rows.size() < FOLD_BATCHES) break;
        }
        return read;
    }

    private record FoldKey(long seriesId, long timestamp, int resolution, String unit) {}

    /**
     * Deletes the batches and inserts their points, merged per series, timestamp, resolution and unit. A batch
     * another node deleted first (its delete waits for that node's commit, then counts 0) is skipped.
     */
    private static int fold(Connection c, List<Object[]> rows) throws SQLException {
        Map<FoldKey, Object> merged = new LinkedHashMap<>(); // a lone Point, or an Accumulator once merged
        int points = 0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM cw_ingest WHERE batch_id = ?")) {
            for (Object[] row : rows) {
                delete.setLong(1, (Long) row[0]);
                if (delete.executeUpdate() == 0) continue;
                for (PointBatch.Entry e : PointBatch.decode((byte[]) row[1])) {
                    Point p = e.point();
                    points++;
                    merged.merge(new FoldKey(e.seriesId(), p.timestamp(), p.resolution(), p.unit()), p,
                            (a, b) -> (a instanceof Summary.Accumulator acc ? acc
                                    : new Summary.Accumulator().add((Point) a)).add((Point) b));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_POINT)) {
            for (Map.Entry<FoldKey, Object> e : merged.entrySet()) {
                FoldKey k = e.getKey();
                Point p = e.getValue() instanceof Summary.Accumulator acc
                        ? acc.toPoint(k.timestamp(), k.resolution(), k.unit()) : (Point) e.getValue();
                bindPoint(ps, k.seriesId(), p);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return points;
    }

    private static void bindPoint(PreparedStatement ps, long metricId, Point p) throws SQLException {
        ps.setLong(1, metricId);
        ps.setLong(2, p.timestamp());
        ps.setInt(3, p.resolution());
        ps.setString(4, p.unit());
        ps.setDouble(5, p.sampleCount());
        ps.setDouble(6, p.sum());
        ps.setDouble(7, p.min());
        ps.setDouble(8, p.max());
        if (p.values() == null) ps.setNull(9, Types.BINARY);
        else ps.setBytes(9, p.values().encode());
    }

    /**
     * The series of each sample, in the samples' order, creating those that do not exist yet. A known series costs
     * one hash of its key and one comparison (this is per datum, a thousand times per request).
     */
    private Series[] resolve(String accountId, String region, List<Sample> samples, long now) {
        Series[] out = new Series[samples.size()];
        boolean allCached = true;
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(new CacheKey(accountId, region, samples.get(i).key()));
            if (out[i] == null) allCached = false;
        }
        if (allCached) return out;
        // One creator per node: threads publishing the same new series would otherwise upsert the same rows
        // at once and queue on their row locks; the ones that wait find the series cached afterwards.
        synchronized (creating) {
            TreeMap<String, MetricKey> missing = new TreeMap<>(); // sorted: concurrent upserts lock rows in one order
            java.util.Set<MetricKey> seen = new java.util.HashSet<>(); // one SHA-256 series key per new series
            for (int i = 0; i < out.length; i++) {
                if (out[i] != null) continue;
                MetricKey key = samples.get(i).key();
                out[i] = ids.get(new CacheKey(accountId, region, key));
                if (out[i] == null && seen.add(key)) missing.put(key.seriesKey(), key);
            }
            if (missing.isEmpty()) return out;
            List<Object[]> rows = new ArrayList<>(missing.size());
            missing.forEach((sk, k) -> rows.add(new Object[] {accountId, region, sk, k.namespace(), k.metricName(),
                    k.canonicalDimensions(), now}));
            jdbc.batch(upsertMetric, rows);
            if (ids.size() > MAX_CACHED_SERIES) ids.clear();
            Map<String, Long> created = selectIds(accountId, region, missing.keySet());
            Map<MetricKey, Series> fresh = new HashMap<>();
            for (Map.Entry<String, MetricKey> e : missing.entrySet()) {
                Long id = created.get(e.getKey());
                if (id == null) throw new IllegalStateException("series vanished while being created");
                Series s = new Series(id, now);
                ids.put(new CacheKey(accountId, region, e.getValue()), s);
                fresh.put(e.getValue(), s);
            }
            for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = fresh.get(samples.get(i).key());
        }
        return out;
    }

    /**
     * One indexed lookup per key on one connection: H2 evaluates {@code series_key IN (...)} row by row over all
     * of the account's metrics, which made creating a thousand series cost seconds in a large store.
     */
    private Map<String, Long> selectIds(String accountId, String region, Collection<String> seriesKeys) {
        Map<String, Long> out = new HashMap<>();
        jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT metric_id FROM cw_metrics WHERE account_id = ?"
                    + " AND region = ? AND series_key = ?")) {
                ps.setString(1, accountId);
                ps.setString(2, region);
                for (String key : seriesKeys) {
                    ps.setString(3, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) out.put(key, rs.getLong(1));
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** A series appearing several times is written once: the first sets its lastSeen. */
    private void touch(Series[] series, long now) {
        List<Object[]> rows = new ArrayList<>();
        for (Series s : series) {
            if (now - s.lastSeen >= TOUCH_INTERVAL_MS) {
                rows.add(new Object[] {now, s.id, now});
                s.lastSeen = now;
            }
        }
        if (!rows.isEmpty()) jdbc.batch("UPDATE cw_metrics SET last_seen = ? WHERE metric_id = ? AND last_seen < ?", rows);
    }

    // --- read ---

    @Override
    public List<Point> read(String accountId, String region, MetricKey key, long fromMillis, long toMillis, String unit) {
        foldPending();
        Series cached = ids.get(new CacheKey(accountId, region, key));
        Long id = cached != null ? Long.valueOf(cached.id) : jdbc.queryOne(
                "SELECT metric_id FROM cw_metrics WHERE account_id = ? AND region = ? AND series_key = ?",
                rs -> rs.getLong(1), accountId, region, key.seriesKey()).orElse(null);
        if (id == null) return List.of();
        String sql = SELECT_POINTS + (unit == null ? "" : " AND unit = ?") + " ORDER BY ts";
        Object[] args = unit == null ? new Object[] {id, fromMillis, toMillis} : new Object[] {id, fromMillis, toMillis, unit};
        return jdbc.query(sql, JdbcMetricRepository::point, args);
    }

    /** One fold check and one connection for all the ranges; each series is still one indexed range scan. */
    @Override
    public List<List<Point>> readAll(String accountId, String region, List<SeriesRange> ranges) {
        foldPending();
        Map<MetricKey, Long> idsByKey = new HashMap<>();
        for (SeriesRange r : ranges) {
            if (idsByKey.containsKey(r.key())) continue;
            Series cached = ids.get(new CacheKey(accountId, region, r.key()));
            idsByKey.put(r.key(), cached != null ? Long.valueOf(cached.id) : jdbc.queryOne(
                    "SELECT metric_id FROM cw_metrics WHERE account_id = ? AND region = ? AND series_key = ?",
                    rs -> rs.getLong(1), accountId, region, r.key().seriesKey()).orElse(null));
        }
        List<List<Point>> out = new ArrayList<>(ranges.size());
        jdbc.withConnection(c -> {
            try (PreparedStatement any = c.prepareStatement(SELECT_POINTS + " ORDER BY ts");
                 PreparedStatement ofUnit = c.prepareStatement(SELECT_POINTS + " AND unit = ? ORDER BY ts")) {
                for (SeriesRange r : ranges) {
                    Long id = idsByKey.get(r.key());
                    if (id == null) {
                        out.add(List.of());
                        continue;
                    }
                    PreparedStatement ps = r.unit() == null ? any : ofUnit;
                    ps.setLong(1, id);
                    ps.setLong(2, r.fromMillis());
                    ps.setLong(3, r.toMillis());
                    if (r.unit() != null) ps.setString(4, r.unit());
                    List<Point> points = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) points.add(point(rs));
                    }
                    out.add(points);
                }
            }
            return null;
        });
        return out;
    }

    private static Point point(ResultSet rs) throws SQLException {
        byte[] counts = rs.getBytes(8);
        return new Point(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                rs.getDouble(6), rs.getDouble(7), counts == null ? null : Distribution.decode(counts));
    }

    // --- list ---

    @Override
    public Page list(Listing l, Cursor after, int limit) {
        List<MetricKey> out = new ArrayList<>();
        List<Cursor> cursors = new ArrayList<>();
        Cursor position = after;
        while (out.size() <= limit) {
            List<Object[]> chunk = listChunk(l, position);
            for (Object[] row : chunk) {
                MetricKey key = (MetricKey) row[0];
                position = (Cursor) row[1];
                if (matches(key, l.dimensions())) {
                    out.add(key);
                    cursors.add(position);
                    if (out.size() > limit) break;
                }
            }
            if (chunk.size() < LIST_CHUNK) break;
        }
        if (out.size() <= limit) return new Page(out, null);
        return new Page(List.copyOf(out.subList(0, limit)), cursors.get(limit - 1));
    }

    private List<Object[]> listChunk(Listing l, Cursor after) {
        StringBuilder sql = new StringBuilder("SELECT namespace, metric_name, series_key, dimensions FROM cw_metrics"
                + " WHERE account_id = ? AND region = ? AND last_seen >= ?");
        List<Object> args = new ArrayList<>(List.of(l.accountId(), l.region(), l.seenSince().toEpochMilli()));
        if (l.namespace() != null) {
            sql.append(" AND namespace = ?");
            args.add(l.namespace());
        }
        if (l.metricName() != null) {
            sql.append(" AND metric_name = ?");
            args.add(l.metricName());
        }
        if (after != null) {
            sql.append(" AND (namespace > ? OR (namespace = ? AND (metric_name > ?"
                    + " OR (metric_name = ? AND series_key > ?))))");
            args.addAll(List.of(after.namespace(), after.namespace(), after.metricName(), after.metricName(),
                    after.seriesKey()));
        }
        sql.append(" ORDER BY namespace, metric_name, series_key FETCH FIRST ").append(LIST_CHUNK).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), rs -> new Object[] {
                new MetricKey(rs.getString(1), rs.getString(2), MetricKey.parseDimensions(rs.getString(4))),
                new Cursor(rs.getString(1), rs.getString(2), rs.getString(3))}, args.toArray());
    }

    private static boolean matches(MetricKey key, List<DimensionFilter> filters) {
        for (DimensionFilter f : filters) {
            String v = key.dimensions().get(f.name());
            if (v == null || (f.value() != null && !f.value().equals(v))) return false;
        }
        return true;
    }

    // --- roll-up and retention ---

    @Override
    public int rollUp(int targetResolution, long cutoffMillis, int maxSeries) {
        foldPending();
        List<Long> series = jdbc.query("SELECT DISTINCT metric_id FROM cw_datapoints WHERE storage_resolution < ?"
                + " AND ts < ? FETCH FIRST " + maxSeries + " ROWS ONLY", rs -> rs.getLong(1), targetResolution, cutoffMillis);
        for (long id : series) jdbc.inTransaction(c -> rollUpSeries(c, id, targetResolution, cutoffMillis));
        return series.size();
    }

    private record Bucket(long timestamp, String unit) {}

    private static Void rollUpSeries(Connection c, long id, int target, long cutoff) throws SQLException {
        long step = target * 1000L;
        Map<Bucket, Summary.Accumulator> buckets = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ts, storage_resolution, unit, sample_count, value_sum,"
                + " value_min, value_max, value_counts FROM cw_datapoints WHERE metric_id = ? AND storage_resolution < ?"
                + " AND ts < ?")) {
            ps.setLong(1, id);
            ps.setInt(2, target);
            ps.setLong(3, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Point p = point(rs);
                    Bucket b = new Bucket(Math.floorDiv(p.timestamp(), step) * step, p.unit());
                    buckets.computeIfAbsent(b, k -> new Summary.Accumulator()).add(p);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM cw_datapoints WHERE metric_id = ?"
                + " AND storage_resolution < ? AND ts < ?")) {
            ps.setLong(1, id);
            ps.setInt(2, target);
            ps.setLong(3, cutoff);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_POINT)) {
            for (Map.Entry<Bucket, Summary.Accumulator> e : buckets.entrySet()) {
                bindPoint(ps, id, e.getValue().toPoint(e.getKey().timestamp(), target, e.getKey().unit()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    @Override
    public int deleteOlderThan(long cutoffMillis) {
        foldPending();
        int deleted = 0;
        // One range scan of the tier index per resolution rather than a scan of the whole table.
        for (int resolution : new int[] {1, 60, 300, 3600}) {
            deleted += jdbc.update("DELETE FROM cw_datapoints WHERE storage_resolution = ? AND ts < ?",
                    resolution, cutoffMillis);
        }
        int metrics = jdbc.update("DELETE FROM cw_metrics WHERE last_seen < ? AND NOT EXISTS"
                + " (SELECT 1 FROM cw_datapoints d WHERE d.metric_id = cw_metrics.metric_id)", cutoffMillis);
        if (metrics > 0) clearCaches();
        return deleted;
    }
}
