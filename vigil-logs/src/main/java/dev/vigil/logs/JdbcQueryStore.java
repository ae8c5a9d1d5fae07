package dev.vigil.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.core.store.Database;
import dev.vigil.logs.insights.QueryResult;
import dev.vigil.logs.insights.ResultField;
import dev.vigil.store.Jdbc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@link QueryStore} over logs_queries. Rows are stored as a gzip-compressed JSON array of rows, each an array of
 * {@code [field, value]} pairs. Thread-safe (stateless; connections per call).
 */
public final class JdbcQueryStore implements QueryStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<List<List<String>>>> ROWS = new TypeReference<>() {};
    private static final String COLUMNS = "query_id, account_id, region, query_string, log_group_names, create_time,"
            + " status, heartbeat, cancel_requested, finished_at";
    private static final String ACTIVE = "status IN ('Scheduled', 'Running')";

    private final Jdbc jdbc;

    public JdbcQueryStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    private static StoredQuery row(ResultSet rs, QueryResult result) throws SQLException {
        long finished = rs.getLong(10);
        return new StoredQuery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Json.readList(rs.getString(5), STRINGS), rs.getLong(6), rs.getString(7), rs.getLong(8),
                rs.getBoolean(9), rs.wasNull() ? null : finished, result);
    }

    @Override
    public void insert(StoredQuery q) {
        jdbc.update("INSERT INTO logs_queries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", q.id(),
                q.accountId(), q.region(), q.queryString(), Json.write(q.logGroupNames()), q.createTime(), q.status(),
                q.heartbeat(), q.cancelRequested(), q.finishedAt());
    }

    @Override
    public void running(String id, long now) {
        jdbc.update("UPDATE logs_queries SET status = 'Running', heartbeat = ? WHERE query_id = ? AND status = 'Scheduled'",
                now, id);
    }

    @Override
    public boolean finish(String id, String status, QueryResult r, long now) {
        if (r == null) {
            return jdbc.update("UPDATE logs_queries SET status = ?, finished_at = ?, heartbeat = ? WHERE query_id = ? AND "
                    + ACTIVE, status, now, now, id) == 1;
        }
        return jdbc.update("UPDATE logs_queries SET status = ?, finished_at = ?, heartbeat = ?, records_matched = ?,"
                + " records_scanned = ?, bytes_scanned = ?, results = ? WHERE query_id = ? AND " + ACTIVE, status, now, now,
                r.recordsMatched(), r.recordsScanned(), r.bytesScanned(), encode(r.rows()), id) == 1;
    }

    @Override
    public Optional<StoredQuery> find(String accountId, String region, String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + ", records_matched, records_scanned, bytes_scanned, results"
                + " FROM logs_queries WHERE query_id = ? AND account_id = ? AND region = ?", rs -> {
                    byte[] rows = rs.getBytes(14);
                    QueryResult result = rows == null ? null
                            : new QueryResult(decode(rows), rs.getLong(11), rs.getLong(12), rs.getLong(13));
                    return row(rs, result);
                }, id, accountId, region);
    }

    @Override
    public List<StoredQuery> list(String accountId, String region) {
        return jdbc.query("SELECT " + COLUMNS + " FROM logs_queries WHERE account_id = ? AND region = ?"
                + " ORDER BY create_time DESC, query_id", rs -> row(rs, null), accountId, region);
    }

    @Override
    public int activeCount(String accountId, long since) {
        return jdbc.queryOne("SELECT COUNT(*) FROM logs_queries WHERE account_id = ? AND " + ACTIVE + " AND heartbeat >= ?",
                rs -> rs.getInt(1), accountId, since).orElse(0);
    }

    @Override
    public boolean requestCancel(String accountId, String region, String id) {
        return jdbc.update("UPDATE logs_queries SET cancel_requested = TRUE WHERE query_id = ? AND account_id = ?"
                + " AND region = ? AND " + ACTIVE, id, accountId, region) == 1;
    }

    @Override
    public Set<String> heartbeat(Collection<String> ids, long now) {
        Set<String> cancelled = new HashSet<>();
        if (ids.isEmpty()) return cancelled;
        String in = "(" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        List<Object> args = new ArrayList<>();
        args.add(now);
        args.addAll(ids);
        jdbc.update("UPDATE logs_queries SET heartbeat = ? WHERE " + ACTIVE + " AND query_id IN " + in, args.toArray());
        cancelled.addAll(jdbc.query("SELECT query_id FROM logs_queries WHERE cancel_requested AND query_id IN " + in,
                rs -> rs.getString(1), ids.toArray()));
        return cancelled;
    }

    @Override
    public int expire(long cutoff) {
        return jdbc.update("DELETE FROM logs_queries WHERE finished_at IS NOT NULL AND finished_at < ?", cutoff);
    }

    static byte[] encode(List<List<ResultField>> rows) {
        List<List<List<String>>> plain = new ArrayList<>(rows.size());
        for (List<ResultField> row : rows) {
            List<List<String>> r = new ArrayList<>(row.size());
            for (ResultField f : row) r.add(java.util.Arrays.asList(f.field(), f.value()));
            plain.add(r);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Json.write(plain).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<List<ResultField>> decode(byte[] bytes) {
        String text;
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            text = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<ResultField>> rows = new ArrayList<>();
        for (List<List<String>> r : Json.readList(text, ROWS)) {
            List<ResultField> row = new ArrayList<>(r.size());
            for (List<String> f : r) row.add(new ResultField(f.get(0), f.get(1)));
            rows.add(row);
        }
        return rows;
    }
}
