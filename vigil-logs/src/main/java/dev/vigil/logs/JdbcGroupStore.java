package dev.vigil.logs;

import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link GroupStore} over logs_groups, logs_streams and logs_tags. Tagging locks the group row (FOR UPDATE) so
 * the tag limit holds under concurrent calls. Thread-safe (stateless; connections per call).
 */
public final class JdbcGroupStore implements GroupStore {
    private static final String GROUP_COLUMNS = "group_id, account_id, region, group_name, creation_time,"
            + " retention_days, log_group_class, kms_key_id, deletion_protection";
    private static final String STREAM_COLUMNS = "stream_id, group_id, stream_name, creation_time, first_event,"
            + " last_event, last_ingestion, stored_bytes";

    private final Jdbc jdbc;
    private final String upsertTag;

    public JdbcGroupStore(Database database) {
        this.jdbc = new Jdbc(database);
        this.upsertTag = Dialect.of(database.engine()).upsert("logs_tags", List.of("group_id", "tag_key"),
                List.of("tag_value"));
    }

    static LogGroup group(ResultSet rs) throws SQLException {
        return new LogGroup(rs.getLong("group_id"), rs.getString("account_id"), rs.getString("region"),
                rs.getString("group_name"), rs.getLong("creation_time"), Rows.intOrNull(rs, "retention_days"),
                rs.getString("log_group_class"), rs.getString("kms_key_id"), rs.getBoolean("deletion_protection"));
    }

    static LogStream stream(ResultSet rs) throws SQLException {
        return new LogStream(rs.getLong("stream_id"), rs.getLong("group_id"), rs.getString("stream_name"),
                rs.getLong("creation_time"), Rows.longOrNull(rs, "first_event"), Rows.longOrNull(rs, "last_event"),
                Rows.longOrNull(rs, "last_ingestion"), rs.getLong("stored_bytes"));
    }

    /**
     * A LIKE pattern for names starting with {@code prefix}. Prefixes are matched in SQL rather than as a name range,
     * because under a database collation other than "C" names sharing a prefix need not sort together.
     */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public Optional<LogGroup> create(LogGroup g, Map<String, String> tags) {
        try {
            return Optional.of(jdbc.inTransaction(c -> {
                jdbc.update("INSERT INTO logs_groups (account_id, region, group_name, creation_time, retention_days,"
                                + " log_group_class, kms_key_id, deletion_protection) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        g.accountId(), g.region(), g.name(), g.creationTime(), g.retentionDays(), g.logGroupClass(),
                        g.kmsKeyId(), g.deletionProtection());
                LogGroup created = find(g.accountId(), g.region(), g.name()).orElseThrow();
                List<Object[]> rows = new ArrayList<>();
                tags.forEach((k, v) -> rows.add(new Object[] {created.id(), k, v}));
                if (!rows.isEmpty()) jdbc.batch(upsertTag, rows);
                return created;
            }));
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<LogGroup> find(String accountId, String region, String name) {
        return jdbc.queryOne("SELECT " + GROUP_COLUMNS + " FROM logs_groups WHERE account_id = ? AND region = ?"
                + " AND group_name = ?", JdbcGroupStore::group, accountId, region, name);
    }

    @Override
    public List<LogGroup> list(String accountId, String region, String prefix, String afterName, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + GROUP_COLUMNS + " FROM logs_groups WHERE account_id = ?"
                + " AND region = ?");
        List<Object> args = new ArrayList<>(List.of(accountId, region));
        if (prefix != null) {
            sql.append(" AND group_name LIKE ? ESCAPE '\\'");
            args.add(likePrefix(prefix));
        }
        if (afterName != null) {
            sql.append(" AND group_name > ?");
            args.add(afterName);
        }
        sql.append(" ORDER BY group_name LIMIT ").append(limit);
        return jdbc.query(sql.toString(), JdbcGroupStore::group, args.toArray());
    }

    @Override
    public boolean delete(String accountId, String region, String name) {
        return jdbc.inTransaction(c -> {
            Optional<Long> id = jdbc.queryOne("SELECT group_id FROM logs_groups WHERE account_id = ? AND region = ?"
                    + " AND group_name = ? FOR UPDATE", rs -> rs.getLong(1), accountId, region, name);
            if (id.isEmpty()) return false;
            long g = id.get();
            jdbc.update("DELETE FROM logs_groups WHERE group_id = ?", g);
            jdbc.update("DELETE FROM logs_streams WHERE group_id = ?", g);
            jdbc.update("DELETE FROM logs_chunks WHERE group_id = ?", g);
            jdbc.update("DELETE FROM logs_tags WHERE group_id = ?", g);
            jdbc.update("DELETE FROM logs_metric_filters WHERE group_id = ?", g);
            return true;
        });
    }

    @Override
    public boolean setRetention(long groupId, Integer days) {
        return jdbc.update("UPDATE logs_groups SET retention_days = ? WHERE group_id = ?", days, groupId) == 1;
    }

    @Override
    public List<LogGroup> withRetention() {
        return jdbc.query("SELECT " + GROUP_COLUMNS + " FROM logs_groups WHERE retention_days IS NOT NULL",
                JdbcGroupStore::group);
    }

    @Override
    public Map<Long, Long> storedBytes(Collection<Long> groupIds) {
        Map<Long, Long> out = new HashMap<>();
        if (groupIds.isEmpty()) return out;
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(groupIds));
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        for (Map.Entry<Long, Long> e : jdbc.query("SELECT group_id, SUM(stored_bytes) FROM logs_streams WHERE group_id IN ("
                + in + ") GROUP BY group_id", rs -> Map.entry(rs.getLong(1), rs.getLong(2)), ids.toArray())) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    // --- streams ---

    @Override
    public boolean createStream(long groupId, String name, long now) {
        try {
            jdbc.update("INSERT INTO logs_streams (group_id, stream_name, creation_time, stored_bytes) VALUES (?, ?, ?, 0)",
                    groupId, name, now);
            return true;
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return false;
            throw e;
        }
    }

    @Override
    public Optional<LogStream> findStream(long groupId, String name) {
        return jdbc.queryOne("SELECT " + STREAM_COLUMNS + " FROM logs_streams WHERE group_id = ? AND stream_name = ?",
                JdbcGroupStore::stream, groupId, name);
    }

    @Override
    public boolean deleteStream(long groupId, String name) {
        return jdbc.inTransaction(c -> {
            Optional<Long> id = jdbc.queryOne("SELECT stream_id FROM logs_streams WHERE group_id = ? AND stream_name = ?"
                    + " FOR UPDATE", rs -> rs.getLong(1), groupId, name);
            if (id.isEmpty()) return false;
            jdbc.update("DELETE FROM logs_streams WHERE stream_id = ?", id.get());
            jdbc.update("DELETE FROM logs_chunks WHERE stream_id = ?", id.get());
            return true;
        });
    }

    @Override
    public List<LogStream> streamsByName(long groupId, String prefix, String afterName, boolean descending, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + STREAM_COLUMNS + " FROM logs_streams WHERE group_id = ?");
        List<Object> args = new ArrayList<>(List.of(groupId));
        if (prefix != null) {
            sql.append(" AND stream_name LIKE ? ESCAPE '\\'");
            args.add(likePrefix(prefix));
        }
        if (afterName != null) {
            sql.append(descending ? " AND stream_name < ?" : " AND stream_name > ?");
            args.add(afterName);
        }
        sql.append(" ORDER BY stream_name").append(descending ? " DESC" : "").append(" LIMIT ").append(limit);
        return jdbc.query(sql.toString(), JdbcGroupStore::stream, args.toArray());
    }

    @Override
    public List<LogStream> streamsByLastEvent(long groupId, Long afterTime, String afterName, boolean descending,
                                              int limit) {
        String key = "COALESCE(last_event, 0)";
        StringBuilder sql = new StringBuilder("SELECT " + STREAM_COLUMNS + " FROM logs_streams WHERE group_id = ?");
        List<Object> args = new ArrayList<>(List.of(groupId));
        if (afterTime != null) {
            String op = descending ? "<" : ">";
            sql.append(" AND (").append(key).append(' ').append(op).append(" ? OR (").append(key)
                    .append(" = ? AND stream_name ").append(op).append(" ?))");
            args.add(afterTime);
            args.add(afterTime);
            args.add(afterName);
        }
        String dir = descending ? " DESC" : "";
        sql.append(" ORDER BY ").append(key).append(dir).append(", stream_name").append(dir).append(" LIMIT ").append(limit);
        return jdbc.query(sql.toString(), JdbcGroupStore::stream, args.toArray());
    }

    @Override
    public List<LogStream> streams(long groupId) {
        return jdbc.query("SELECT " + STREAM_COLUMNS + " FROM logs_streams WHERE group_id = ? ORDER BY stream_name",
                JdbcGroupStore::stream, groupId);
    }

    // --- tags ---

    @Override
    public SortedMap<String, String> tags(long groupId) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : jdbc.query("SELECT tag_key, tag_value FROM logs_tags WHERE group_id = ?",
                rs -> Map.entry(rs.getString(1), rs.getString(2)), groupId)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public int tag(long groupId, Map<String, String> tags, int max) {
        return jdbc.inTransaction(c -> {
            jdbc.query("SELECT group_id FROM logs_groups WHERE group_id = ? FOR UPDATE", rs -> rs.getLong(1), groupId);
            Set<String> keys = new HashSet<>(tags(groupId).keySet());
            keys.addAll(tags.keySet());
            if (keys.size() > max) return keys.size();
            List<Object[]> rows = new ArrayList<>();
            tags.forEach((k, v) -> rows.add(new Object[] {groupId, k, v}));
            if (!rows.isEmpty()) jdbc.batch(upsertTag, rows);
            return keys.size();
        });
    }

    @Override
    public void untag(long groupId, Collection<String> keys) {
        List<Object[]> rows = new ArrayList<>();
        for (String k : new LinkedHashSet<>(keys)) rows.add(new Object[] {groupId, k});
        jdbc.batch("DELETE FROM logs_tags WHERE group_id = ? AND tag_key = ?", rows);
    }
}
