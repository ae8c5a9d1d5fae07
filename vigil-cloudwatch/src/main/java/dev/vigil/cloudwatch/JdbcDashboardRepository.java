package dev.vigil.cloudwatch;

import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link DashboardRepository} over cw_dashboards. Thread-safe (stateless; connections per call). */
public final class JdbcDashboardRepository implements DashboardRepository {
    private final Jdbc jdbc;
    private final String upsert;

    public JdbcDashboardRepository(Database database) {
        this.jdbc = new Jdbc(database);
        this.upsert = Dialect.of(database.engine()).upsert("cw_dashboards", List.of("account_id", "dashboard_name"),
                List.of("body", "body_size", "last_modified"));
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
            }
            return missing;
        });
    }
}
