package dev.vigil.cloudwatch;

import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link DashboardRepository} over cw_dashboards and cw_tags (resource_type 'dashboard'). Tagging locks the
 * dashboard's row (SELECT ... FOR UPDATE), so the 50-tag limit holds under concurrent calls and no tags survive
 * a concurrent delete. Thread-safe (stateless; connections per call).
 */
public final class JdbcDashboardRepository implements DashboardRepository {
    private final Jdbc jdbc;
    private final String upsert;
    private final String upsertTag;
    static final String TYPE = "dashboard";

    public JdbcDashboardRepository(Database database) {
        this.jdbc = new Jdbc(database);
        this.upsert = Dialect.of(database.engine()).upsert("cw_dashboards", List.of("account_id", "dashboard_name"),
                List.of("body", "body_size", "last_modified"));
        this.upsertTag = Dialect.of(database.engine()).upsert("cw_tags",
                List.of("account_id", "resource_type", "resource_name", "tag_key"), List.of("tag_value"));
    }

    @Override
    public void put(Dashboard d) {
        jdbc.update(upsert, d.accountId(), d.name(), d.body(), d.size(), d.lastModified());
    }

    @Override
    public Optional<Dashboard> get(String accountId, String name) {
        return jdbc.queryOne("SELECT body, body_size, last_modified FROM cw_dashboards"
                        + " WHERE account_id = ? AND dashboard_name = ?",
                rs -> new Dashboard(accountId, name, rs.getString(1), rs.getLong(2), Rows.instant(rs, "last_modified")),
                accountId, name);
    }

    @Override
    public List<Dashboard> list(String accountId, String prefix, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT dashboard_name, body_size, last_modified FROM cw_dashboards"
                + " WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (after != null) {
            sql.append(" AND dashboard_name > ?");
            args.add(after);
        }
        sql.append(" ORDER BY dashboard_name");
        // The prefix is filtered here, not with LIKE: names may contain '_', a LIKE wildcard.
        List<Dashboard> out = new ArrayList<>();
        for (Dashboard d : jdbc.query(sql.toString(), rs -> new Dashboard(accountId, rs.getString(1), null,
                rs.getLong(2), Rows.instant(rs, "last_modified")), args.toArray())) {
            if (prefix == null || d.name().startsWith(prefix)) out.add(d);
            if (out.size() == limit) break;
        }
        return out;
    }

    @Override
    public List<String> deleteAll(String accountId, List<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        String in = String.join(", ", Collections.nCopies(wanted.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(accountId));
        args.addAll(wanted);
        return jdbc.inTransaction(c -> {
            Set<String> existing = new HashSet<>(jdbc.query("SELECT dashboard_name FROM cw_dashboards WHERE account_id = ?"
                    + " AND dashboard_name IN (" + in + ")", rs -> rs.getString(1), args.toArray()));
            List<String> missing = wanted.stream().filter(n -> !existing.contains(n)).toList();
            if (missing.isEmpty()) {
                jdbc.update("DELETE FROM cw_dashboards WHERE account_id = ? AND dashboard_name IN (" + in + ")",
                        args.toArray());
                List<Object> tagArgs = new ArrayList<>(List.of(accountId, TYPE));
                tagArgs.addAll(wanted);
                jdbc.update("DELETE FROM cw_tags WHERE account_id = ? AND resource_type = ? AND resource_name IN ("
                        + in + ")", tagArgs.toArray());
            }
            return missing;
        });
    }

    @Override
    public Optional<SortedMap<String, String>> tags(String accountId, String name) {
        return jdbc.inTransaction(c -> exists(accountId, name, false) ? Optional.of(readTags(accountId, name))
                : Optional.empty());
    }

    @Override
    public int tag(String accountId, String name, SortedMap<String, String> tags, int maxTags) {
        return jdbc.inTransaction(c -> {
            if (!exists(accountId, name, true)) return -1;
            Set<String> keys = new HashSet<>(readTags(accountId, name).keySet());
            keys.addAll(tags.keySet());
            if (keys.size() > maxTags) return keys.size();
            List<Object[]> rows = new ArrayList<>();
            tags.forEach((k, v) -> rows.add(new Object[] {accountId, TYPE, name, k, v}));
            if (!rows.isEmpty()) jdbc.batch(upsertTag, rows);
            return keys.size();
        });
    }

    @Override
    public boolean untag(String accountId, String name, Collection<String> keys) {
        return jdbc.inTransaction(c -> {
            if (!exists(accountId, name, true)) return false;
            for (String k : new LinkedHashSet<>(keys)) {
                jdbc.update("DELETE FROM cw_tags WHERE account_id = ? AND resource_type = ? AND resource_name = ?"
                        + " AND tag_key = ?", accountId, TYPE, name, k);
            }
            return true;
        });
    }

    private boolean exists(String accountId, String name, boolean lock) {
        return !jdbc.query("SELECT dashboard_name FROM cw_dashboards WHERE account_id = ? AND dashboard_name = ?"
                + (lock ? " FOR UPDATE" : ""), rs -> rs.getString(1), accountId, name).isEmpty();
    }

    private SortedMap<String, String> readTags(String accountId, String name) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : jdbc.query("SELECT tag_key, tag_value FROM cw_tags WHERE account_id = ?"
                + " AND resource_type = ? AND resource_name = ?", rs -> Map.entry(rs.getString(1), rs.getString(2)),
                accountId, TYPE, name)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
