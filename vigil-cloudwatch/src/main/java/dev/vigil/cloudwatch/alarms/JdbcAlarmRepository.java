package dev.vigil.cloudwatch.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link AlarmRepository} over cw_alarms, cw_alarm_history, cw_anomaly_detectors and cw_tags (resource_type
 * 'alarm', resource_name {@code <region>:<alarm name>}: alarms are regional, the tag table is per account).
 * Thread-safe (stateless; connections per call).
 */
public final class JdbcAlarmRepository implements AlarmRepository {
    static final String TAG_TYPE = "alarm";
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final String COLUMNS = "account_id, region, alarm_name, alarm_type, config, config_updated,"
            + " state_value, state_reason, state_reason_data, state_updated, state_transitioned, next_eval, version,"
            + " suppressed_by, suppressed_reason, action_due, evaluation_state";

    private final Jdbc jdbc;
    private final String upsertTag;
    private final String upsertDetector;

    public JdbcAlarmRepository(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertTag = d.upsert("cw_tags", List.of("account_id", "resource_type", "resource_name", "tag_key"),
                List.of("tag_value"));
        this.upsertDetector = d.upsert("cw_anomaly_detectors", List.of("account_id", "region", "detector_key"),
                List.of("definition", "created"));
    }

    static String json(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T parse(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored " + type.getSimpleName(), e);
        }
    }

    private static Alarm alarm(ResultSet rs) throws SQLException {
        return new Alarm(rs.getString("account_id"), rs.getString("region"), rs.getString("alarm_name"),
                parse(rs.getString("config"), AlarmConfig.class), rs.getLong("config_updated"),
                rs.getString("state_value"), rs.getString("state_reason"), rs.getString("state_reason_data"),
                rs.getLong("state_updated"), rs.getLong("state_transitioned"), Rows.longOrNull(rs, "next_eval"),
                rs.getLong("version"), rs.getString("suppressed_by"), rs.getString("suppressed_reason"),
                Rows.longOrNull(rs, "action_due"), rs.getString("evaluation_state"));
    }

    @Override
    public Optional<Alarm> get(String accountId, String region, String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM cw_alarms WHERE account_id = ? AND region = ? AND alarm_name = ?",
                JdbcAlarmRepository::alarm, accountId, region, name);
    }

    @Override
    public List<Alarm> list(String accountId, String region) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cw_alarms WHERE account_id = ? AND region = ? ORDER BY alarm_name",
                JdbcAlarmRepository::alarm, accountId, region);
    }

    @Override
    public List<Alarm> composites(String accountId, String region) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cw_alarms WHERE account_id = ? AND region = ? AND alarm_type = ?"
                + " ORDER BY alarm_name", JdbcAlarmRepository::alarm, accountId, region, AlarmConfig.COMPOSITE);
    }

    @Override
    public boolean create(Alarm a) {
        try {
            return jdbc.update("INSERT INTO cw_alarms (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.accountId(), a.region(), a.name(), a.config().type(), json(a.config()), a.configUpdated(),
                    a.state(), a.stateReason(), a.stateReasonData(), a.stateUpdated(), a.stateTransitioned(),
                    a.nextEval(), 1L, a.suppressedBy(), a.suppressedReason(), a.actionDue(), a.evaluationState()) == 1;
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return false;
            throw e;
        }
    }

    @Override
    public boolean updateConfig(Alarm a, long expectedVersion) {
        return jdbc.update("UPDATE cw_alarms SET alarm_type = ?, config = ?, config_updated = ?, next_eval = ?,"
                        + " version = version + 1 WHERE account_id = ? AND region = ? AND alarm_name = ? AND version = ?",
                a.config().type(), json(a.config()), a.configUpdated(), a.nextEval(), a.accountId(), a.region(),
                a.name(), expectedVersion) == 1;
    }

    @Override
    public boolean updateState(Alarm a, long expectedVersion) {
        return jdbc.update("UPDATE cw_alarms SET state_value = ?, state_reason = ?, state_reason_data = ?,"
                        + " state_updated = ?, state_transitioned = ?, next_eval = ?, suppressed_by = ?,"
                        + " suppressed_reason = ?, action_due = ?, evaluation_state = ?, config = ?, version = version + 1"
                        + " WHERE account_id = ? AND region = ? AND alarm_name = ? AND version = ?",
                a.state(), a.stateReason(), a.stateReasonData(), a.stateUpdated(), a.stateTransitioned(),
                a.nextEval(), a.suppressedBy(), a.suppressedReason(), a.actionDue(), a.evaluationState(),
                json(a.config()), a.accountId(),
                a.region(), a.name(), expectedVersion) == 1;
    }

    @Override
    public List<Alarm> due(long now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cw_alarms WHERE next_eval <= ? ORDER BY next_eval LIMIT " + limit,
                JdbcAlarmRepository::alarm, now);
    }

    @Override
    public boolean claim(String accountId, String region, String name, long expected, Long next) {
        return jdbc.update("UPDATE cw_alarms SET next_eval = ? WHERE account_id = ? AND region = ? AND alarm_name = ?"
                + " AND next_eval = ?", next, accountId, region, name, expected) == 1;
    }

    @Override
    public List<String> delete(String accountId, String region, Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        if (wanted.isEmpty()) return List.of();
        String in = String.join(", ", Collections.nCopies(wanted.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(accountId, region));
        args.addAll(wanted);
        return jdbc.inTransaction(c -> {
            Set<String> existing = new HashSet<>(jdbc.query("SELECT alarm_name FROM cw_alarms WHERE account_id = ?"
                    + " AND region = ? AND alarm_name IN (" + in + ") FOR UPDATE", rs -> rs.getString(1), args.toArray()));
            List<String> missing = wanted.stream().filter(n -> !existing.contains(n)).toList();
            if (!missing.isEmpty()) return missing;
            jdbc.update("DELETE FROM cw_alarms WHERE account_id = ? AND region = ? AND alarm_name IN (" + in + ")",
                    args.toArray());
            List<Object> tagArgs = new ArrayList<>(List.of(accountId, TAG_TYPE));
            for (String n : wanted) tagArgs.add(region + ":" + n);
            jdbc.update("DELETE FROM cw_tags WHERE account_id = ? AND resource_type = ? AND resource_name IN (" + in + ")",
                    tagArgs.toArray());
            return List.of();
        });
    }

    @Override
    public void addHistory(AlarmHistoryItem h) {
        jdbc.update("INSERT INTO cw_alarm_history (account_id, region, alarm_name, alarm_type, ts, item_type, summary,"
                        + " history_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", h.accountId(), h.region(), h.alarmName(),
                h.alarmType(), h.timestamp(), h.type(), h.summary(), h.data());
    }

    @Override
    public int deleteHistoryBefore(long before) {
        return jdbc.update("DELETE FROM cw_alarm_history WHERE ts < ?", before);
    }

    @Override
    public List<AlarmHistoryItem> history(String accountId, String region, String alarmName, Collection<String> types,
                                          Collection<String> alarmTypes, long from, long to, boolean ascending,
                                          AlarmHistoryItem.Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT account_id, region, alarm_name, alarm_type, ts, item_type, summary,"
                + " history_data, history_id FROM cw_alarm_history WHERE account_id = ? AND region = ? AND ts >= ?"
                + " AND ts <= ?");
        List<Object> args = new ArrayList<>(List.of(accountId, region, from, to));
        if (alarmName != null) {
            sql.append(" AND alarm_name = ?");
            args.add(alarmName);
        }
        if (types != null && !types.isEmpty()) {
            sql.append(" AND item_type IN (").append(String.join(", ", Collections.nCopies(types.size(), "?"))).append(')');
            args.addAll(types);
        }
        if (alarmTypes != null && !alarmTypes.isEmpty()) {
            sql.append(" AND alarm_type IN (").append(String.join(", ", Collections.nCopies(alarmTypes.size(), "?"))).append(')');
            args.addAll(alarmTypes);
        }
        String beyond = ascending ? ">" : "<";
        if (after != null) {
            // Keyset position: rows added while a client pages never shift the pages it has not read yet.
            sql.append(" AND (ts ").append(beyond).append(" ? OR (ts = ? AND history_id ").append(beyond).append(" ?))");
            args.addAll(List.of(after.timestamp(), after.timestamp(), after.id()));
        }
        String dir = ascending ? "ASC" : "DESC";
        sql.append(" ORDER BY ts ").append(dir).append(", history_id ").append(dir).append(" LIMIT ").append(limit);
        return jdbc.query(sql.toString(), rs -> new AlarmHistoryItem(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9)),
                args.toArray());
    }

    @Override
    public Optional<SortedMap<String, String>> tags(String accountId, String region, String name) {
        return jdbc.inTransaction(c -> exists(accountId, region, name, false)
                ? Optional.of(readTags(accountId, region + ":" + name)) : Optional.empty());
    }

    @Override
    public int tag(String accountId, String region, String name, SortedMap<String, String> tags, int maxTags) {
        return jdbc.inTransaction(c -> {
            if (!exists(accountId, region, name, true)) return -1;
            String resource = region + ":" + name;
            Set<String> keys = new HashSet<>(readTags(accountId, resource).keySet());
            keys.addAll(tags.keySet());
            if (keys.size() > maxTags) return keys.size();
            List<Object[]> rows = new ArrayList<>();
            tags.forEach((k, v) -> rows.add(new Object[] {accountId, TAG_TYPE, resource, k, v}));
            if (!rows.isEmpty()) jdbc.batch(upsertTag, rows);
            return keys.size();
        });
    }

    @Override
    public boolean untag(String accountId, String region, String name, Collection<String> keys) {
        return jdbc.inTransaction(c -> {
            if (!exists(accountId, region, name, true)) return false;
            for (String k : new LinkedHashSet<>(keys)) {
                jdbc.update("DELETE FROM cw_tags WHERE account_id = ? AND resource_type = ? AND resource_name = ?"
                        + " AND tag_key = ?", accountId, TAG_TYPE, region + ":" + name, k);
            }
            return true;
        });
    }

    private boolean exists(String accountId, String region, String name, boolean lock) {
        return !jdbc.query("SELECT alarm_name FROM cw_alarms WHERE account_id = ? AND region = ? AND alarm_name = ?"
                + (lock ? " FOR UPDATE" : ""), rs -> rs.getString(1), accountId, region, name).isEmpty();
    }

    private SortedMap<String, String> readTags(String accountId, String resource) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : jdbc.query("SELECT tag_key, tag_value FROM cw_tags WHERE account_id = ?"
                + " AND resource_type = ? AND resource_name = ?", rs -> Map.entry(rs.getString(1), rs.getString(2)),
                accountId, TAG_TYPE, resource)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public void putDetector(String accountId, String region, AnomalyDetectorDef def, long created) {
        jdbc.update(upsertDetector, accountId, region, def.key(), json(def), created);
    }

    @Override
    public List<AnomalyDetectorDef> detectors(String accountId, String region) {
        return jdbc.query("SELECT definition FROM cw_anomaly_detectors WHERE account_id = ? AND region = ?"
                + " ORDER BY created, detector_key", rs -> parse(rs.getString(1), AnomalyDetectorDef.class), accountId, region);
    }

    @Override
    public boolean deleteDetector(String accountId, String region, String key) {
        return jdbc.update("DELETE FROM cw_anomaly_detectors WHERE account_id = ? AND region = ? AND detector_key = ?",
                accountId, region, key) == 1;
    }
}
