package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.store.Database;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link EventsRepository} over the ev_* tables. Multi-row invariants (5 targets a rule, 50 tags a resource, no
 * rule deleted under its targets) are checked inside a transaction that first locks the owning row.
 * Thread-safe (stateless; connections per call).
 */
public final class JdbcEventsRepository implements EventsRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE_COLUMNS = "account_id, region, bus_name, rule_name, event_pattern, schedule,"
            + " state, description, role_arn, created_by, created_at, next_fire_at";
    private static final String TARGET_COLUMNS = "target_id, target_arn, role_arn, input, input_path,"
            + " input_paths_map, input_template, max_retries, max_age_seconds, dlq_arn, http_parameters";

    private final Jdbc jdbc;
    private final String upsertBus;
    private final String upsertTarget;
    private final String upsertTag;

    public JdbcEventsRepository(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertBus = d.upsert("ev_buses", List.of("account_id", "region", "bus_name"),
                List.of("description", "policy", "created_at", "modified_at"));
        this.upsertTarget = d.upsert("ev_targets", List.of("account_id", "region", "bus_name", "rule_name", "target_id"),
                List.of("target_arn", "role_arn", "input", "input_path", "input_paths_map", "input_template",
                        "max_retries", "max_age_seconds", "dlq_arn", "http_parameters"));
        this.upsertTag = d.upsert("ev_tags", List.of("account_id", "region", "resource_arn", "tag_key"),
                List.of("tag_value"));
    }

    // ---- buses

    @Override
    public boolean createBus(Bus b) {
        // A plain insert, so of two concurrent creations exactly one wins (the key decides, not a prior read).
        try {
            jdbc.update("INSERT INTO ev_buses (account_id, region, bus_name, description, policy, created_at, modified_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", b.accountId(), b.region(), b.name(), b.description(), b.policy(),
                    b.createdAt(), b.modifiedAt());
            return true;
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return false;
            throw e;
        }
    }

    @Override
    public Optional<Bus> bus(String account, String region, String name) {
        return jdbc.queryOne("SELECT bus_name, description, policy, created_at, modified_at FROM ev_buses"
                + " WHERE account_id = ? AND region = ? AND bus_name = ?", rs -> bus(account, region, rs),
                account, region, name);
    }

    @Override
    public List<Bus> buses(String account, String region, String after, int limit) {
        return jdbc.query("SELECT bus_name, description, policy, created_at, modified_at FROM ev_buses"
                + " WHERE account_id = ? AND region = ? AND bus_name > ? ORDER BY bus_name",
                rs -> bus(account, region, rs), account, region, after == null ? "" : after)
                .stream().limit(limit).toList();
    }

    private static Bus bus(String account, String region, ResultSet rs) throws SQLException {
        return new Bus(account, region, rs.getString(1), rs.getString(2), rs.getString(3),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "modified_at"));
    }

    @Override
    public void saveBus(Bus b) {
        jdbc.update(upsertBus, b.accountId(), b.region(), b.name(), b.description(), b.policy(), b.createdAt(),
                b.modifiedAt());
    }

    @Override
    public boolean changePolicy(String account, String region, String name, Instant now,
                                java.util.function.UnaryOperator<String> change) {
        return jdbc.inTransaction(c -> {
            Optional<Bus> old = jdbc.queryOne("SELECT bus_name, description, policy, created_at, modified_at FROM ev_buses"
                    + " WHERE account_id = ? AND region = ? AND bus_name = ? FOR UPDATE", rs -> bus(account, region, rs),
                    account, region, name);
            if (old.isEmpty() && !Bus.DEFAULT.equals(name)) return false;
            Bus b = old.orElse(new Bus(account, region, name, null, null, now, now));
            saveBus(new Bus(account, region, name, b.description(), change.apply(b.policy()),
                    b.createdAt() == null ? now : b.createdAt(), now));
            return true;
        });
    }

    @Override
    public boolean deleteBus(String account, String region, String name) {
        return jdbc.inTransaction(c -> {
            int n = jdbc.update("DELETE FROM ev_buses WHERE account_id = ? AND region = ? AND bus_name = ?",
                    account, region, name);
            if (n == 0) return false;
            for (EventRule r : rules(account, region, name, null, 0)) {
                jdbc.update("DELETE FROM ev_tags WHERE account_id = ? AND region = ? AND resource_arn = ?",
                        account, region, r.arn());
            }
            jdbc.update("DELETE FROM ev_targets WHERE account_id = ? AND region = ? AND bus_name = ?", account, region, name);
            jdbc.update("DELETE FROM ev_rules WHERE account_id = ? AND region = ? AND bus_name = ?", account, region, name);
            jdbc.update("DELETE FROM ev_tags WHERE account_id = ? AND region = ? AND resource_arn = ?",
                    account, region, EventsArns.bus(region, account, name));
            return true;
        });
    }

    // ---- rules

    @Override
    public void saveRule(EventRule r) {
        try {
            saveRuleOnce(r);
        } catch (StoreException e) {
            // A concurrent PutRule created the rule between our read and insert: now it is an update.
            if (!e.isUniqueViolation() || jdbc.isInTransaction()) throw e;
            saveRuleOnce(r);
        }
    }

    private void saveRuleOnce(EventRule r) {
        jdbc.inTransaction(c -> {
            Optional<EventRule> old = lockRule(r.accountId(), r.region(), r.busName(), r.name());
            if (old.isPresent()) {
                jdbc.update("UPDATE ev_rules SET event_pattern = ?, schedule = ?, state = ?, description = ?,"
                        + " role_arn = ?, next_fire_at = ? WHERE account_id = ? AND region = ? AND bus_name = ?"
                        + " AND rule_name = ?", r.eventPattern(), r.scheduleExpression(), r.state(), r.description(),
                        r.roleArn(), r.nextFireAt(), r.accountId(), r.region(), r.busName(), r.name());
            } else {
                jdbc.update("INSERT INTO ev_rules (" + RULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        r.accountId(), r.region(), r.busName(), r.name(), r.eventPattern(), r.scheduleExpression(),
                        r.state(), r.description(), r.roleArn(), r.createdBy(), r.createdAt(), r.nextFireAt());
            }
            return null;
        });
    }

    private Optional<EventRule> lockRule(String account, String region, String bus, String name) {
        return jdbc.queryOne("SELECT " + RULE_COLUMNS + " FROM ev_rules WHERE account_id = ? AND region = ?"
                + " AND bus_name = ? AND rule_name = ? FOR UPDATE", JdbcEventsRepository::rule, account, region, bus, name);
    }

    @Override
    public Optional<EventRule> rule(String account, String region, String bus, String name) {
        return jdbc.queryOne("SELECT " + RULE_COLUMNS + " FROM ev_rules WHERE account_id = ? AND region = ?"
                + " AND bus_name = ? AND rule_name = ?", JdbcEventsRepository::rule, account, region, bus, name);
    }

    @Override
    public List<EventRule> rules(String account, String region, String bus, String after, int limit) {
        List<EventRule> all = jdbc.query("SELECT " + RULE_COLUMNS + " FROM ev_rules WHERE account_id = ? AND region = ?"
                + " AND bus_name = ? AND rule_name > ? ORDER BY rule_name", JdbcEventsRepository::rule,
                account, region, bus, after == null ? "" : after);
        return limit <= 0 ? all : all.stream().limit(limit).toList();
    }

    private static EventRule rule(ResultSet rs) throws SQLException {
        return new EventRule(rs.getString("account_id"), rs.getString("region"), rs.getString("bus_name"),
                rs.getString("rule_name"), rs.getString("event_pattern"), rs.getString("schedule"),
                rs.getString("state"), rs.getString("description"), rs.getString("role_arn"),
                rs.getString("created_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "next_fire_at"));
    }

    @Override
    public boolean setRuleState(String account, String region, String bus, String name, String state) {
        return jdbc.update("UPDATE ev_rules SET state = ? WHERE account_id = ? AND region = ? AND bus_name = ?"
                + " AND rule_name = ?", state, account, region, bus, name) == 1;
    }

    @Override
    public DeleteOutcome deleteRule(String account, String region, String bus, String name, boolean force) {
        return jdbc.inTransaction(c -> {
            Optional<EventRule> r = lockRule(account, region, bus, name);
            if (r.isEmpty()) return DeleteOutcome.NOT_FOUND;
            if (!force && !targets(account, region, bus, name).isEmpty()) return DeleteOutcome.HAS_TARGETS;
            jdbc.update("DELETE FROM ev_targets WHERE account_id = ? AND region = ? AND bus_name = ? AND rule_name = ?",
                    account, region, bus, name);
            jdbc.update("DELETE FROM ev_rules WHERE account_id = ? AND region = ? AND bus_name = ? AND rule_name = ?",
                    account, region, bus, name);
            jdbc.update("DELETE FROM ev_tags WHERE account_id = ? AND region = ? AND resource_arn = ?",
                    account, region, r.get().arn());
            return DeleteOutcome.DELETED;
        });
    }

    // ---- targets

    @Override
    public int putTargets(String account, String region, String bus, String rule, List<RuleTarget> targets, int max) {
        return jdbc.inTransaction(c -> {
            if (lockRule(account, region, bus, rule).isEmpty()) return -1;
            Set<String> ids = new HashSet<>();
            for (RuleTarget t : targets(account, region, bus, rule)) ids.add(t.id());
            for (RuleTarget t : targets) ids.add(t.id());
            if (ids.size() > max) return ids.size();
            List<Object[]> rows = new ArrayList<>();
            for (RuleTarget t : targets) {
                rows.add(new Object[] {account, region, bus, rule, t.id(), t.arn(), t.roleArn(), t.input(), t.inputPath(),
                        t.inputPathsMap() == null ? null : json(t.inputPathsMap()), t.inputTemplate(), t.maxRetries(),
                        t.maxAgeSeconds(), t.deadLetterArn(), t.httpParameters()});
            }
            jdbc.batch(upsertTarget, rows);
            return ids.size();
        });
    }

    @Override
    public List<String> removeTargets(String account, String region, String bus, String rule, Collection<String> ids) {
        return jdbc.inTransaction(c -> {
            List<String> removed = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                if (jdbc.update("DELETE FROM ev_targets WHERE account_id = ? AND region = ? AND bus_name = ?"
                        + " AND rule_name = ? AND target_id = ?", account, region, bus, rule, id) == 1) {
                    removed.add(id);
                }
            }
            return removed;
        });
    }

    @Override
    public List<RuleTarget> targets(String account, String region, String bus, String rule) {
        return jdbc.query("SELECT " + TARGET_COLUMNS + " FROM ev_targets WHERE account_id = ? AND region = ?"
                + " AND bus_name = ? AND rule_name = ? ORDER BY target_id", JdbcEventsRepository::target,
                account, region, bus, rule);
    }

    @Override
    public Map<String, List<RuleTarget>> targetsOfBus(String account, String region, String bus) {
        Map<String, List<RuleTarget>> out = new java.util.HashMap<>();
        for (Map.Entry<String, RuleTarget> e : jdbc.query("SELECT rule_name, " + TARGET_COLUMNS + " FROM ev_targets"
                + " WHERE account_id = ? AND region = ? AND bus_name = ? ORDER BY rule_name, target_id",
                rs -> Map.entry(rs.getString("rule_name"), target(rs)), account, region, bus)) {
            out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return out;
    }

    private static RuleTarget target(ResultSet rs) throws SQLException {
        String map = rs.getString("input_paths_map");
        return new RuleTarget(rs.getString("target_id"), rs.getString("target_arn"), rs.getString("role_arn"),
                rs.getString("input"), rs.getString("input_path"), map == null ? null : map(map),
                rs.getString("input_template"), Rows.intOrNull(rs, "max_retries"),
                Rows.intOrNull(rs, "max_age_seconds"), rs.getString("dlq_arn"), rs.getString("http_parameters"));
    }

    @Override
    public List<String> ruleNamesByTarget(String account, String region, String bus, String targetArn) {
        return jdbc.query("SELECT DISTINCT rule_name FROM ev_targets WHERE account_id = ? AND region = ?"
                + " AND bus_name = ? AND target_arn = ? ORDER BY rule_name", rs -> rs.getString(1),
                account, region, bus, targetArn);
    }

    // ---- tags

    @Override
    public SortedMap<String, String> tags(String account, String region, String arn) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : jdbc.query("SELECT tag_key, tag_value FROM ev_tags WHERE account_id = ?"
                + " AND region = ? AND resource_arn = ?", rs -> Map.entry(rs.getString(1), rs.getString(2)),
                account, region, arn)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public int tag(String account, String region, String arn, SortedMap<String, String> tags, int max) {
        return jdbc.inTransaction(c -> {
            Set<String> keys = new HashSet<>(tags(account, region, arn).keySet());
            keys.addAll(tags.keySet());
            if (keys.size() > max) return keys.size();
            List<Object[]> rows = new ArrayList<>();
            tags.forEach((k, v) -> rows.add(new Object[] {account, region, arn, k, v}));
            jdbc.batch(upsertTag, rows);
            return keys.size();
        });
    }

    @Override
    public void untag(String account, String region, String arn, Collection<String> keys) {
        jdbc.inTransaction(c -> {
            for (String k : new LinkedHashSet<>(keys)) {
                jdbc.update("DELETE FROM ev_tags WHERE account_id = ? AND region = ? AND resource_arn = ? AND tag_key = ?",
                        account, region, arn, k);
            }
            return null;
        });
    }

    // ---- outbox

    @Override
    public void enqueue(List<OutboxEntry> entries) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            rows.add(new Object[] {e.accountId(), e.region(), e.ruleArn(), e.targetArn(), e.body(), e.eventTime(),
                    e.attempts(), e.maxRetries(), e.maxAgeSeconds(), e.deadLetterArn(), e.dueAt(), e.targetParams()});
        }
        jdbc.batch("INSERT INTO ev_outbox (account_id, region, rule_arn, target_arn, body, event_time, attempts,"
                + " max_retries, max_age_seconds, dlq_arn, due_at, target_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)", rows);
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return jdbc.query("SELECT id, account_id, region, rule_arn, target_arn, body, event_time, attempts, max_retries,"
                + " max_age_seconds, dlq_arn, due_at, target_params FROM ev_outbox WHERE due_at <= ? ORDER BY due_at, id"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                rs -> new OutboxEntry(rs.getLong("id"), rs.getString("account_id"), rs.getString("region"),
                        rs.getString("rule_arn"), rs.getString("target_arn"), rs.getString("body"),
                        Rows.instant(rs, "event_time"), rs.getInt("attempts"), rs.getInt("max_retries"),
                        rs.getInt("max_age_seconds"), rs.getString("dlq_arn"), Rows.instant(rs, "due_at"),
                        rs.getString("target_params")), now)
                .stream().limit(limit).toList();
    }

    @Override
    public boolean claim(long id, Instant expectedDue, Instant until) {
        return jdbc.update("UPDATE ev_outbox SET due_at = ? WHERE id = ? AND due_at = ?", until, id, expectedDue) == 1;
    }

    @Override
    public List<OutboxEntry> claimAll(List<OutboxEntry> entries, Instant until) {
        if (entries.isEmpty()) return List.of();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) rows.add(new Object[] {until, e.id(), e.dueAt()});
        int[] counts = jdbc.batch("UPDATE ev_outbox SET due_at = ? WHERE id = ? AND due_at = ?", rows);
        List<OutboxEntry> claimed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) if (counts[i] == 1) claimed.add(entries.get(i));
        return claimed;
    }

    @Override
    public void deliveredAll(Collection<Long> ids) {
        if (ids.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (Long id : ids) rows.add(new Object[] {id});
        jdbc.batch("DELETE FROM ev_outbox WHERE id = ?", rows);
    }

    @Override
    public void delivered(long id) {
        jdbc.update("DELETE FROM ev_outbox WHERE id = ?", id);
    }

    @Override
    public void forwarded(long id, List<OutboxEntry> next) {
        jdbc.inTransaction(c -> {
            delivered(id);
            if (!next.isEmpty()) enqueue(next);
            return null;
        });
    }

    @Override
    public void retryLater(long id, int attempts, Instant dueAt) {
        jdbc.update("UPDATE ev_outbox SET attempts = ?, due_at = ? WHERE id = ?", attempts, dueAt, id);
    }

    @Override
    public long pendingDeliveries() {
        return jdbc.queryOne("SELECT COUNT(*) FROM ev_outbox", rs -> rs.getLong(1)).orElse(0L);
    }

    // ---- schedules

    @Override
    public List<EventRule> dueSchedules(Instant now) {
        return jdbc.query("SELECT " + RULE_COLUMNS + " FROM ev_rules WHERE next_fire_at IS NOT NULL AND next_fire_at <= ?"
                + " ORDER BY next_fire_at", JdbcEventsRepository::rule, now);
    }

    @Override
    public boolean claimSchedule(EventRule r, Instant expected, Instant next, List<OutboxEntry> deliveries) {
        return jdbc.inTransaction(c -> {
            boolean claimed = jdbc.update("UPDATE ev_rules SET next_fire_at = ? WHERE account_id = ? AND region = ? AND bus_name = ?"
                + " AND rule_name = ? AND next_fire_at = ?", next, r.accountId(), r.region(), r.busName(), r.name(),
                expected) == 1;
            if (claimed && !deliveries.isEmpty()) enqueue(deliveries);
            return claimed;
        });
    }

    // ---- JSON columns

    private static String json(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable input_paths_map", e);
        }
    }
}
