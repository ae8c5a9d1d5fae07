package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link ArchiveRepository} over the ev_archives, ev_archive_events, ev_replays, ev_partner_sources and
 * ev_bus_settings tables (V2). Archived events are an append table written with the acceptance's outbox rows.
 * Thread-safe (stateless; connections per call).
 */
public final class JdbcArchiveRepository implements ArchiveRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARCHIVE_COLUMNS = "account_id, region, archive_name, bus_name, description,"
            + " event_pattern, retention_days, kms_key, state, created_at";
    private static final String REPLAY_COLUMNS = "account_id, region, replay_name, description, archive_name,"
            + " destination, filter_arns, start_time, end_time, state, state_reason, cursor_time, cursor_id,"
            + " replay_start, replay_end";
    private static final String SOURCE_COLUMNS = "region, source_name, account_id, partner_account, created_at,"
            + " deactivated, deleted";

    private final Jdbc jdbc;
    private final String upsertSource;
    private final String upsertSettings;

    public JdbcArchiveRepository(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertSource = d.upsert("ev_partner_sources", List.of("region", "source_name", "account_id"),
                List.of("partner_account", "created_at", "deactivated", "deleted"));
        this.upsertSettings = d.upsert("ev_bus_settings", List.of("account_id", "region", "bus_name"),
                List.of("kms_key", "dlq_arn"));
    }

    // ---- archives

    @Override
    public boolean createArchive(EventArchive a) {
        return jdbc.insertUnique("INSERT INTO ev_archives (" + ARCHIVE_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.accountId(), a.region(), a.name(), a.busName(), a.description(), a.eventPattern(),
                a.retentionDays(), a.kmsKey(), a.state(), a.createdAt());
    }

    @Override
    public Optional<EventArchive> archive(String account, String region, String name) {
        return jdbc.queryOne("SELECT " + ARCHIVE_COLUMNS + " FROM ev_archives WHERE account_id = ? AND region = ?"
                + " AND archive_name = ?", JdbcArchiveRepository::archive, account, region, name);
    }

    @Override
    public List<EventArchive> archives(String account, String region) {
        return jdbc.query("SELECT " + ARCHIVE_COLUMNS + " FROM ev_archives WHERE account_id = ? AND region = ?"
                + " ORDER BY archive_name", JdbcArchiveRepository::archive, account, region);
    }

    @Override
    public List<EventArchive> archivesOfBus(String account, String region, String bus) {
        return jdbc.query("SELECT " + ARCHIVE_COLUMNS + " FROM ev_archives WHERE account_id = ? AND region = ?"
                + " AND bus_name = ? ORDER BY archive_name", JdbcArchiveRepository::archive, account, region, bus);
    }

    private static EventArchive archive(ResultSet rs) throws SQLException {
        return new EventArchive(rs.getString("account_id"), rs.getString("region"), rs.getString("archive_name"),
                rs.getString("bus_name"), rs.getString("description"), rs.getString("event_pattern"),
                rs.getInt("retention_days"), rs.getString("kms_key"), rs.getString("state"),
                Rows.instant(rs, "created_at"));
    }

    @Override
    public boolean updateArchive(EventArchive a) {
        return jdbc.update("UPDATE ev_archives SET description = ?, event_pattern = ?, retention_days = ?, kms_key = ?"
                + " WHERE account_id = ? AND region = ? AND archive_name = ?", a.description(), a.eventPattern(),
                a.retentionDays(), a.kmsKey(), a.accountId(), a.region(), a.name()) == 1;
    }

    @Override
    public boolean deleteArchive(String account, String region, String name) {
        return jdbc.inTransaction(c -> {
            if (jdbc.update("DELETE FROM ev_archives WHERE account_id = ? AND region = ? AND archive_name = ?",
                    account, region, name) == 0) {
                return false;
            }
            jdbc.update("DELETE FROM ev_archive_events WHERE account_id = ? AND region = ? AND archive_name = ?",
                    account, region, name);
            return true;
        });
    }

    @Override
    public long[] archiveStats(String account, String region, String name) {
        return jdbc.queryOne("SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM ev_archive_events"
                + " WHERE account_id = ? AND region = ? AND archive_name = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, account, region, name).orElse(new long[] {0, 0});
    }

    @Override
    public void archive(List<ArchivedEvent> events, Runnable sameTransaction) {
        jdbc.inTransaction(c -> {
            sameTransaction.run();
            if (!events.isEmpty()) {
                List<Object[]> rows = new ArrayList<>(events.size());
                for (ArchivedEvent e : events) {
                    rows.add(new Object[] {e.accountId(), e.region(), e.archiveName(), e.eventTime(), e.archivedAt(),
                            e.sizeBytes(), e.body()});
                }
                jdbc.batch("INSERT INTO ev_archive_events (account_id, region, archive_name, event_time, archived_at,"
                        + " size_bytes, body) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
            }
            return null;
        });
    }

    @Override
    public List<ArchivedEvent> archivedEvents(String account, String region, String archive, Instant from, Instant to,
                                              Instant afterTime, long afterId, int limit) {
        return jdbc.query("SELECT id, account_id, region, archive_name, event_time, archived_at, size_bytes, body"
                + " FROM ev_archive_events WHERE account_id = ? AND region = ? AND archive_name = ?"
                + " AND event_time >= ? AND event_time < ? AND (event_time > ? OR (event_time = ? AND id > ?))"
                + " ORDER BY event_time, id FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new ArchivedEvent(rs.getLong("id"), rs.getString("account_id"), rs.getString("region"),
                        rs.getString("archive_name"), Rows.instant(rs, "event_time"), Rows.instant(rs, "archived_at"),
                        rs.getInt("size_bytes"), rs.getString("body")),
                account, region, archive, from, to, afterTime, afterTime, afterId);
    }

    @Override
    public int sweepExpired(Instant now) {
        int removed = 0;
        for (EventArchive a : jdbc.query("SELECT " + ARCHIVE_COLUMNS + " FROM ev_archives WHERE retention_days > 0",
                JdbcArchiveRepository::archive)) {
            Instant cutoff = now.minus(Duration.ofDays(a.retentionDays()));
            removed += jdbc.update("DELETE FROM ev_archive_events WHERE account_id = ? AND region = ?"
                    + " AND archive_name = ? AND archived_at < ?", a.accountId(), a.region(), a.name(), cutoff);
        }
        return removed;
    }

    // ---- replays

    @Override
    public boolean createReplay(EventReplay r) {
        return jdbc.insertUnique("INSERT INTO ev_replays (" + REPLAY_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.accountId(), r.region(), r.name(), r.description(), r.archiveName(), r.destination(),
                r.filterArns() == null ? null : json(r.filterArns()), r.eventStart(), r.eventEnd(), r.state(),
                r.stateReason(), r.cursorTime(), r.cursorId(), r.replayStart(), r.replayEnd());
    }

    @Override
    public Optional<EventReplay> replay(String account, String region, String name) {
        return jdbc.queryOne("SELECT " + REPLAY_COLUMNS + " FROM ev_replays WHERE account_id = ? AND region = ?"
                + " AND replay_name = ?", JdbcArchiveRepository::replay, account, region, name);
    }

    @Override
    public List<EventReplay> replays(String account, String region) {
        return jdbc.query("SELECT " + REPLAY_COLUMNS + " FROM ev_replays WHERE account_id = ? AND region = ?"
                + " ORDER BY replay_name", JdbcArchiveRepository::replay, account, region);
    }

    @Override
    public List<EventReplay> activeReplays() {
        return jdbc.query("SELECT " + REPLAY_COLUMNS + " FROM ev_replays WHERE state IN (?, ?, ?) ORDER BY replay_start",
                JdbcArchiveRepository::replay, EventReplay.STARTING, EventReplay.RUNNING, EventReplay.CANCELLING);
    }

    private static EventReplay replay(ResultSet rs) throws SQLException {
        String filters = rs.getString("filter_arns");
        Long cursorId = Rows.longOrNull(rs, "cursor_id");
        return new EventReplay(rs.getString("account_id"), rs.getString("region"), rs.getString("replay_name"),
                rs.getString("description"), rs.getString("archive_name"), rs.getString("destination"),
                filters == null ? null : list(filters), Rows.instant(rs, "start_time"), Rows.instant(rs, "end_time"),
                rs.getString("state"), rs.getString("state_reason"), Rows.instant(rs, "cursor_time"),
                cursorId == null ? 0 : cursorId, Rows.instant(rs, "replay_start"), Rows.instant(rs, "replay_end"));
    }

    @Override
    public boolean transition(EventReplay r, Collection<String> from, String to, String reason, Instant replayEnd) {
        return jdbc.inTransaction(c -> {
            Optional<String> state = jdbc.queryOne("SELECT state FROM ev_replays WHERE account_id = ? AND region = ?"
                    + " AND replay_name = ? FOR UPDATE", rs -> rs.getString(1), r.accountId(), r.region(), r.name());
            if (state.isEmpty() || !from.contains(state.get())) return false;
            jdbc.update("UPDATE ev_replays SET state = ?, state_reason = ?, replay_end = ? WHERE account_id = ?"
                    + " AND region = ? AND replay_name = ?", to, reason, replayEnd, r.accountId(), r.region(), r.name());
            return true;
        });
    }

    @Override
    public boolean advance(EventReplay r, Instant cursorTime, long cursorId, Runnable sameTransaction) {
        return jdbc.inTransaction(c -> {
            boolean moved = jdbc.update("UPDATE ev_replays SET cursor_time = ?, cursor_id = ? WHERE account_id = ?"
                    + " AND region = ? AND replay_name = ? AND state = ? AND cursor_time = ? AND cursor_id = ?",
                    cursorTime, cursorId, r.accountId(), r.region(), r.name(), EventReplay.RUNNING, r.cursorTime(),
                    r.cursorId()) == 1;
            if (moved) sameTransaction.run();
            return moved;
        });
    }

    // ---- partner event sources

    @Override
    public void savePartnerSource(PartnerSource s) {
        jdbc.update(upsertSource, s.region(), s.name(), s.accountId(), s.partnerAccount(), s.createdAt(),
                s.deactivated(), s.deleted());
    }

    @Override
    public Optional<PartnerSource> partnerSource(String region, String name, String account) {
        return jdbc.queryOne("SELECT " + SOURCE_COLUMNS + " FROM ev_partner_sources WHERE region = ? AND source_name = ?"
                + " AND account_id = ?", JdbcArchiveRepository::source, region, name, account);
    }

    @Override
    public List<PartnerSource> partnerSourcesNamed(String region, String name) {
        return jdbc.query("SELECT " + SOURCE_COLUMNS + " FROM ev_partner_sources WHERE region = ? AND source_name = ?"
                + " ORDER BY account_id", JdbcArchiveRepository::source, region, name);
    }

    @Override
    public List<PartnerSource> partnerSourcesOf(String region, String partnerAccount) {
        return jdbc.query("SELECT " + SOURCE_COLUMNS + " FROM ev_partner_sources WHERE region = ?"
                + " AND partner_account = ? ORDER BY source_name, account_id", JdbcArchiveRepository::source,
                region, partnerAccount);
    }

    @Override
    public List<PartnerSource> partnerSourcesFor(String region, String account) {
        return jdbc.query("SELECT " + SOURCE_COLUMNS + " FROM ev_partner_sources WHERE region = ? AND account_id = ?"
                + " ORDER BY source_name", JdbcArchiveRepository::source, region, account);
    }

    private static PartnerSource source(ResultSet rs) throws SQLException {
        return new PartnerSource(rs.getString("region"), rs.getString("source_name"), rs.getString("account_id"),
                rs.getString("partner_account"), Rows.instant(rs, "created_at"), rs.getBoolean("deactivated"),
                rs.getBoolean("deleted"));
    }

    @Override
    public boolean setPartnerFlags(String region, String name, String account, boolean deactivated, boolean deleted) {
        return jdbc.update("UPDATE ev_partner_sources SET deactivated = ?, deleted = ? WHERE region = ?"
                + " AND source_name = ? AND account_id = ?", deactivated, deleted, region, name, account) == 1;
    }

    // ---- bus settings

    @Override
    public String[] busSettings(String account, String region, String bus) {
        return jdbc.queryOne("SELECT kms_key, dlq_arn FROM ev_bus_settings WHERE account_id = ? AND region = ?"
                + " AND bus_name = ?", rs -> new String[] {rs.getString(1), rs.getString(2)}, account, region, bus)
                .orElse(new String[2]);
    }

    @Override
    public void saveBusSettings(String account, String region, String bus, String kmsKey, String dlqArn) {
        jdbc.update(upsertSettings, account, region, bus, kmsKey, dlqArn);
    }

    private static String json(List<String> l) {
        try {
            return JSON.writeValueAsString(l);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable filter_arns", e);
        }
    }
}
