package dev.vigil.cloudtrail;

import dev.vigil.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/** {@link EventRepository} over the portable SQL of db/cloudtrail (H2 and PostgreSQL). Thread-safe (stateless; connections per call). */
public final class JdbcEventRepository implements EventRepository {
    private static final String INSERT_EVENT = "INSERT INTO cloudtrail_events (account_id, region, event_id, event_time,"
            + " event_name, event_source, username, access_key_id, read_only, management, record_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RESOURCE = "INSERT INTO cloudtrail_event_resources (account_id, region, event_id,"
            + " ordinal, event_time, resource_type, resource_name, resource_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EXISTS = "SELECT 1 FROM cloudtrail_events WHERE account_id = ? AND region = ? AND event_id = ?";
    private static final String SELECT = "SELECT e.event_id, e.event_time, e.event_name, e.event_source, e.username,"
            + " e.access_key_id, e.read_only, e.record_json FROM cloudtrail_events e"
            + " WHERE e.account_id = ? AND e.region = ? AND e.management = TRUE";
    private static final String RESOURCE_MATCH = " AND EXISTS (SELECT 1 FROM cloudtrail_event_resources r"
            + " WHERE r.account_id = e.account_id AND r.region = e.region AND r.event_id = e.event_id AND ";

    private final DataSource dataSource;

    public JdbcEventRepository(Database database) {
        this.dataSource = database.dataSource();
    }

    @Override
    public void insert(List<StoredEvent> events) {
        Map<String, StoredEvent> unique = new LinkedHashMap<>();
        for (StoredEvent e : events) unique.putIfAbsent(e.accountId() + '/' + e.region() + '/' + e.eventId(), e);
        if (unique.isEmpty()) return;
        List<StoredEvent> batch = new ArrayList<>(unique.values());
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                insertRows(c, batch);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!SqlStates.isIntegrityViolation(e)) throw e;
                // The batch was retried after its first commit reached the database: store only what is missing.
                insertRows(c, withoutStored(c, batch));
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + batch.size() + " CloudTrail events failed", e);
        }
    }

    private static void insertRows(Connection c, List<StoredEvent> events) throws SQLException {
        if (events.isEmpty()) return;
        boolean anyResource = false;
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            for (StoredEvent e : events) {
                ps.setString(1, e.accountId());
                ps.setString(2, e.region());
                ps.setString(3, e.eventId());
                ps.setLong(4, e.eventTime().toEpochMilli());
                ps.setString(5, clip(e.eventName(), 256));
                ps.setString(6, clip(e.eventSource(), 256));
                ps.setString(7, clip(e.username(), 512));
                ps.setString(8, clip(e.accessKeyId(), 128));
                ps.setBoolean(9, e.readOnly());
                ps.setBoolean(10, e.management());
                ps.setString(11, e.recordJson());
                ps.addBatch();
                anyResource |= !e.resources().isEmpty();
            }
            ps.executeBatch();
        }
        if (!anyResource) return;
        try (PreparedStatement ps = c.prepareStatement(INSERT_RESOURCE)) {
            for (StoredEvent e : events) {
                int ordinal = 0;
                for (StoredEvent.Resource r : e.resources()) {
                    ps.setString(1, e.accountId());
                    ps.setString(2, e.region());
                    ps.setString(3, e.eventId());
                    ps.setInt(4, ordinal++);
                    ps.setLong(5, e.eventTime().toEpochMilli());
                    ps.setString(6, clip(r.type(), 256));
                    ps.setString(7, clip(r.name(), 2048));
                    ps.setString(8, clip(r.arn(), 2048));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static List<StoredEvent> withoutStored(Connection c, List<StoredEvent> events) throws SQLException {
        List<StoredEvent> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
            for (StoredEvent e : events) {
                ps.setString(1, e.accountId());
                ps.setString(2, e.region());
                ps.setString(3, e.eventId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) missing.add(e);
                }
            }
        }
        return missing;
    }

    @Override
    public List<StoredEvent> lookup(EventQuery q) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>(List.of(q.accountId(), q.region()));
        if (q.notBefore() != null) {
            sql.append(" AND e.event_time >= ?");
            args.add(q.notBefore().toEpochMilli());
        }
        if (q.notAfter() != null) {
            sql.append(" AND e.event_time <= ?");
            args.add(q.notAfter().toEpochMilli());
        }
        if (q.after() != null) {
            sql.append(" AND (e.event_time < ? OR (e.event_time = ? AND e.event_id < ?))");
            args.add(q.after().eventTimeMillis());
            args.add(q.after().eventTimeMillis());
            args.add(q.after().eventId());
        }
        if (q.key() != null) appendAttribute(sql, args, q);
        // The constant account and region lead the ORDER BY so H2 reads the newest-first index in order
        // instead of sorting every event of the account (1.3 ms -> 0.08 ms at 20k events); PostgreSQL is indifferent.
        sql.append(" ORDER BY e.account_id, e.region, e.event_time DESC, e.event_id DESC FETCH FIRST ? ROWS ONLY");
        args.add(q.limit());
        try (Connection c = dataSource.getConnection()) {
            List<StoredEvent> page = select(c, sql.toString(), args, q);
            return page.isEmpty() ? page : withResources(c, q, page);
        } catch (SQLException e) {
            throw new StoreException("looking up CloudTrail events failed", e);
        }
    }

    private static void appendAttribute(StringBuilder sql, List<Object> args, EventQuery q) {
        switch (q.key()) {
            case EVENT_ID -> sql.append(" AND e.event_id = ?");
            case EVENT_NAME -> sql.append(" AND e.event_name = ?");
            case EVENT_SOURCE -> sql.append(" AND e.event_source = ?");
            case USERNAME -> sql.append(" AND e.username = ?");
            case ACCESS_KEY_ID -> sql.append(" AND e.access_key_id = ?");
            case READ_ONLY -> sql.append(" AND e.read_only = ?");
            case RESOURCE_TYPE -> sql.append(RESOURCE_MATCH).append("r.resource_type = ?)");
            case RESOURCE_NAME -> {
                // A resource is found by the name the console shows or by its full ARN.
                sql.append(RESOURCE_MATCH).append("(r.resource_name = ? OR r.resource_arn = ?))");
                args.add(q.value());
            }
            default -> throw new IllegalArgumentException("lookup attribute " + q.key());
        }
        args.add(q.key() == LookupAttributeKey.READ_ONLY ? (Object) Boolean.valueOf(q.value()) : q.value());
    }

    private static List<StoredEvent> select(Connection c, String sql, List<Object> args, EventQuery q) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(q.accountId(), q.region(), rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                            true, List.of(), rs.getString(8)));
                }
            }
        }
        return out;
    }

    private static List<StoredEvent> withResources(Connection c, EventQuery q, List<StoredEvent> page) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT event_id, resource_type, resource_name, resource_arn"
                + " FROM cloudtrail_event_resources WHERE account_id = ? AND region = ? AND event_id IN (");
        List<Object> args = new ArrayList<>(List.of(q.accountId(), q.region()));
        for (int i = 0; i < page.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args.add(page.get(i).eventId());
        }
        sql.append(") ORDER BY event_id, ordinal");
        Map<String, List<StoredEvent.Resource>> byEvent = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byEvent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new StoredEvent.Resource(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        if (byEvent.isEmpty()) return page;
        List<StoredEvent> out = new ArrayList<>(page.size());
        for (StoredEvent e : page) {
            List<StoredEvent.Resource> rs = byEvent.getOrDefault(e.eventId(), List.of());
            out.add(new StoredEvent(e.accountId(), e.region(), e.eventId(), e.eventTime(), e.eventName(), e.eventSource(),
                    e.username(), e.accessKeyId(), e.readOnly(), e.management(), rs, e.recordJson()));
        }
        return out;
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        long millis = cutoff.toEpochMilli();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement resources = c.prepareStatement("DELETE FROM cloudtrail_event_resources WHERE event_time < ?");
                 PreparedStatement events = c.prepareStatement("DELETE FROM cloudtrail_events WHERE event_time < ?")) {
                resources.setLong(1, millis);
                resources.executeUpdate();
                events.setLong(1, millis);
                int deleted = events.executeUpdate();
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("CloudTrail retention sweep failed", e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) ps.setLong(i + 1, l);
            else if (a instanceof Integer n) ps.setInt(i + 1, n);
            else if (a instanceof Boolean b) ps.setBoolean(i + 1, b);
            else ps.setString(i + 1, (String) a);
        }
    }

    /** Descriptive columns are cut to their width rather than failing the whole batch; keys are never cut. */
    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
