package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's behaviour, identical on every engine: subclasses only say how to open a fresh, empty,
 * unmigrated store. Uses the test migrations under {@code db/contract_a} and {@code db/contract_b}.
 * One instance per test (JUnit's default); only {@link #race} runs code on several threads.
 */
public abstract class StoreContract {

    protected JdbcDatabase db;
    protected Jdbc jdbc;

    /** A fresh, empty store with nothing migrated. */
    protected abstract JdbcDatabase openFresh();

    @BeforeEach
    void openStore() {
        db = openFresh();
        jdbc = db.jdbc();
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    // --- migrations ---

    @Test
    void migratingTwiceIsIdempotent() {
        db.migrate("contract_a");
        List<String> first = history("contract_a");
        db.migrate("contract_a");

        assertThat(history("contract_a")).isEqualTo(first).contains("1:types", "2:kv");
        assertThat(jdbc.update("INSERT INTO contract_kv (account, key, value, updated_at) VALUES (?, ?, ?, ?)",
                "111111111111", "k", "v", Instant.EPOCH)).isEqualTo(1);
    }

    @Test
    void servicesMigrateIndependentlyEachWithItsOwnHistory() {
        db.migrate("store");
        db.migrate("contract_a");
        db.migrate("contract_b");

        // Later services find a non-empty schema; their V1 must still run (baseline is version 0).
        assertThat(tables()).contains("store_lease", "contract_types", "contract_kv", "contract_b1_owner", "contract_b2_item");
        assertThat(history("store")).containsExactly("1:leases");
        assertThat(history("contract_a")).contains("1:types", "2:kv").doesNotContain("1:leases", "1:owner item");
        assertThat(history("contract_b")).contains("1:owner item").doesNotContain("1:types", "2:kv");
    }

    @Test
    void migrationOrderDoesNotMatter() {
        db.migrate("contract_b");
        db.migrate("contract_a");
        db.migrate("store");

        assertThat(tables()).contains("store_lease", "contract_types", "contract_kv", "contract_b1_owner", "contract_b2_item");
    }

    @Test
    void unknownOrInvalidServiceIsRejected() {
        assertThatThrownBy(() -> db.migrate("no_such_service")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> db.migrate("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.migrate("Upper")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- Jdbc: types, queries, transactions, errors ---

    record TypesRow(long id, String name, String body, byte[] data, Instant at, Boolean flag, Integer small, Long big,
                    Double ratio, BigDecimal amount, String key, String value) {}

    static final RowMapper<TypesRow> TYPES = rs -> new TypesRow(rs.getLong("id"), rs.getString("name"),
            rs.getString("body"), rs.getBytes("data"), Rows.instant(rs, "at"), Rows.boolOrNull(rs, "flag"),
            Rows.intOrNull(rs, "small"), Rows.longOrNull(rs, "big"), Rows.doubleOrNull(rs, "ratio"),
            rs.getBigDecimal("amount"), rs.getString("key"), rs.getString("value"));

    @Test
    void everyColumnTypeRoundTripsThroughBatchAndQuery() {
        db.migrate("contract_a");
        String text = "Grüße 🚀 日本語 \"quoted\" 'single' \\ ; -- ".repeat(8_000); // ~300k chars, non-BMP too
        byte[] bytes = new byte[256 * 1024];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0;
        Instant at = Instant.parse("2024-02-29T23:59:59.123456789Z");
        UUID uuid = UUID.randomUUID();

        int[] counts = jdbc.batch(
                "INSERT INTO contract_types (name, body, data, at, flag, small, big, ratio, amount, key, value) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(
                        new Object[] {"full", text, bytes, at, true, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5e300,
                                new BigDecimal("12345678901234.123456"), uuid, Locale.Category.FORMAT},
                        new Object[] {"nulls", null, null, null, null, null, null, null, null, null, null},
                        new Object[] {"edges", "", new byte[0], Instant.parse("1969-07-20T20:17:40Z"), false, 0, Long.MIN_VALUE,
                                -Double.MIN_VALUE, BigDecimal.ZERO.setScale(6), "", "v"}));
        assertThat(counts).hasSize(3);

        List<TypesRow> rows = jdbc.query("SELECT * FROM contract_types ORDER BY id", TYPES);
        assertThat(rows).extracting(TypesRow::name).containsExactly("full", "nulls", "edges");
        assertThat(rows).extracting(TypesRow::id).doesNotHaveDuplicates();

        TypesRow full = rows.get(0);
        assertThat(full.body()).isEqualTo(text);
        assertThat(full.data()).isEqualTo(bytes);
        assertThat(full.at()).isEqualTo(Instant.parse("2024-02-29T23:59:59.123Z")); // millisecond precision
        assertThat(full.flag()).isTrue();
        assertThat(full.small()).isEqualTo(Integer.MIN_VALUE);
        assertThat(full.big()).isEqualTo(Long.MAX_VALUE);
        assertThat(full.ratio()).isEqualTo(1.5e300);
        assertThat(full.amount()).isEqualByComparingTo("12345678901234.123456");
        assertThat(full.key()).isEqualTo(uuid.toString());
        assertThat(full.value()).isEqualTo("FORMAT");

        assertThat(rows.get(1)).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new TypesRow(0, "nulls", null, null, null, null, null, null, null, null, null, null));

        TypesRow edges = rows.get(2);
        assertThat(edges.body()).isEmpty();
        assertThat(edges.data()).isEmpty();
        assertThat(edges.at()).isEqualTo(Instant.parse("1969-07-20T20:17:40Z"));
        assertThat(edges.flag()).isFalse();
        assertThat(edges.small()).isZero();
        assertThat(edges.big()).isEqualTo(Long.MIN_VALUE);
        assertThat(edges.ratio()).isEqualTo(-Double.MIN_VALUE);
        assertThat(edges.amount()).isEqualByComparingTo("0");

        // Instants compare as numbers, so range scans work.
        assertThat(jdbc.query("SELECT name FROM contract_types WHERE at >= ? ORDER BY at", rs -> rs.getString(1),
                Instant.parse("2000-01-01T00:00:00Z"))).containsExactly("full");
    }

    @Test
    void queryOneReturnsEmptyOneOrFails() {
        db.migrate("contract_a");
        insertKv("a", "1");
        insertKv("b", "2");
        RowMapper<String> value = rs -> rs.getString("value");

        assertThat(jdbc.queryOne("SELECT value FROM contract_kv WHERE key = ?", value, "a")).contains("1");
        assertThat(jdbc.queryOne("SELECT value FROM contract_kv WHERE key = ?", value, "zz")).isEmpty();
        assertThatThrownBy(() -> jdbc.queryOne("SELECT value FROM contract_kv", value)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transactionCommitsOrRollsBackAsAWholeAndNestedCallsJoin() {
        db.migrate("contract_a");
        assertThatThrownBy(() -> jdbc.inTransaction(c -> {
            insertKv("a", "1");
            jdbc.inTransaction(inner -> {
                assertThat(inner).isSameAs(c);
                return insertKv("b", "2");
            });
            assertThat(jdbc.isInTransaction()).isTrue();
            assertThat(jdbc.query("SELECT key FROM contract_kv", rs -> rs.getString(1))).hasSize(2); // own writes visible
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(jdbc.isInTransaction()).isFalse();
        assertThat(kvCount()).isZero();

        int written = jdbc.inTransaction(c -> insertKv("a", "1") + insertKv("b", "2"));
        assertThat(written).isEqualTo(2);
        assertThat(kvCount()).isEqualTo(2);
    }

    @Test
    void failedBatchWritesNothing() {
        db.migrate("contract_a");
        List<Object[]> rows = List.of(
                new Object[] {"111111111111", "k1", "v", Instant.EPOCH},
                new Object[] {"111111111111", "k1", "dup", Instant.EPOCH});
        assertThatThrownBy(() -> jdbc.batch("INSERT INTO contract_kv (account, key, value, updated_at) VALUES (?, ?, ?, ?)", rows))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isUniqueViolation()).isTrue());
        assertThat(kvCount()).isZero();
    }

    @Test
    void databaseErrorsBecomeStoreExceptionsWithoutLeakingSql() {
        db.migrate("contract_a");
        insertKv("a", "1");

        assertThatThrownBy(() -> insertKv("a", "again")).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.isUniqueViolation()).isTrue();
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.code()).isEqualTo("InternalFailure");
        });
        assertThatThrownBy(() -> jdbc.update("SELEKT nonsense FROM nowhere")).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.getMessage()).doesNotContain("SELEKT");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            assertThat(e.toString()).contains("SELEKT"); // but the log line does
            assertThat(e.isUniqueViolation()).isFalse();
        });
    }

    // --- Dialect ---

    @Test
    void upsertInsertsThenUpdatesByKey() {
        db.migrate("contract_a");
        String upsert = db.dialect().upsert("contract_kv", List.of("account", "key"), List.of("value", "updated_at"));

        jdbc.update(upsert, "111111111111", "k", "v1", Instant.ofEpochMilli(1));
        jdbc.update(upsert, "222222222222", "k", "other", Instant.ofEpochMilli(1));
        jdbc.update(upsert, "111111111111", "k", "v2", Instant.ofEpochMilli(2));

        assertThat(jdbc.query("SELECT account, value, updated_at FROM contract_kv ORDER BY account",
                rs -> rs.getString(1) + "=" + rs.getString(2) + "@" + Rows.instant(rs, "updated_at").toEpochMilli()))
                .containsExactly("111111111111=v2@2", "222222222222=other@1");

        // Batched upserts work too (the retention/rollup path).
        jdbc.batch(upsert, List.of(new Object[] {"111111111111", "k", "v3", Instant.ofEpochMilli(3)},
                new Object[] {"111111111111", "k2", "new", Instant.ofEpochMilli(3)}));
        assertThat(kvCount()).isEqualTo(3);
    }

    @Test
    void upsertWithoutValueColumnsIsInsertIfAbsent() {
        db.migrate("contract_b");
        String insertIfAbsent = db.dialect().upsert("contract_b1_owner", List.of("name"), List.of());

        jdbc.update(insertIfAbsent, "alice");
        jdbc.update(insertIfAbsent, "alice");
        jdbc.update(insertIfAbsent, "bob");

        assertThat(jdbc.query("SELECT name FROM contract_b1_owner ORDER BY name", rs -> rs.getString(1))).containsExactly("alice", "bob");
    }

    @Test
    void concurrentUpsertsOfOneKeyAllSucceed() throws Exception {
        db.migrate("contract_a");
        String upsert = db.dialect().upsert("contract_kv", List.of("account", "key"), List.of("value", "updated_at"));
        List<Boolean> done = race(8, i -> {
            for (int n = 0; n < 25; n++) jdbc.update(upsert, "111111111111", "hot", "t" + i + "-" + n, Instant.ofEpochMilli(n));
            return true;
        });
        assertThat(done).containsOnly(true);
        assertThat(kvCount()).isEqualTo(1);
    }

    // --- wipe ---

    @Test
    void wipeEmptiesEveryTableButKeepsTheHistories() {
        db.migrate("store");
        db.migrate("contract_a");
        db.migrate("contract_b");
        insertKv("a", "1");
        jdbc.update("INSERT INTO contract_types (name) VALUES (?)", "x");
        jdbc.update("INSERT INTO contract_b1_owner (name) VALUES (?)", "owner");
        jdbc.update("INSERT INTO contract_b2_item (owner_id, note) SELECT id, ? FROM contract_b1_owner", "item");
        new Leases(db).tryAcquire("job", "node-1", Duration.ofMinutes(1), Instant.EPOCH);
        List<String> historyA = history("contract_a");

        db.wipe();

        for (String table : List.of("store_lease", "contract_types", "contract_kv", "contract_b1_owner", "contract_b2_item")) {
            assertThat(jdbc.queryOne("SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))).as(table).contains(0L);
        }
        assertThat(history("contract_a")).isEqualTo(historyA);
        assertThat(history("contract_b")).contains("1:owner item");
        db.migrate("contract_a"); // still up to date, nothing re-applied
        assertThat(history("contract_a")).isEqualTo(historyA);
        assertThat(insertKv("a", "after wipe")).isEqualTo(1);
    }

    // --- leases ---

    @Test
    void leaseIsExclusiveUntilItExpiresAndRenewsForItsOwner() {
        db.migrate("store");
        Leases leases = new Leases(db);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Duration ttl = Duration.ofSeconds(30);

        assertThat(leases.tryAcquire("alarms", "node-a", ttl, t0)).isTrue();
        assertThat(leases.tryAcquire("alarms", "node-b", ttl, t0.plusSeconds(29))).isFalse();
        assertThat(leases.tryAcquire("retention", "node-b", ttl, t0)).as("another job").isTrue();

        assertThat(leases.tryAcquire("alarms", "node-a", ttl, t0.plusSeconds(20))).as("renew").isTrue();
        assertThat(leases.current("alarms")).contains(new Leases.Lease("alarms", "node-a", t0.plusSeconds(50)));
        assertThat(leases.tryAcquire("alarms", "node-b", ttl, t0.plusSeconds(49))).as("renewal extended it").isFalse();

        assertThat(leases.tryAcquire("alarms", "node-b", ttl, t0.plusSeconds(50))).as("take over at expiry").isTrue();
        assertThat(leases.tryAcquire("alarms", "node-a", ttl, t0.plusSeconds(51))).as("old owner lost it").isFalse();

        assertThat(leases.release("alarms", "node-a")).as("not the holder").isFalse();
        assertThat(leases.release("alarms", "node-b")).isTrue();
        assertThat(leases.current("alarms")).isEmpty();
        assertThat(leases.tryAcquire("alarms", "node-a", ttl, t0.plusSeconds(52))).as("free after release").isTrue();
        assertThat(leases.current("alarms").orElseThrow().isHeldAt(t0.plusSeconds(81))).isTrue();
    }

    @Test
    void exactlyOneOfEightConcurrentCallersWinsAFreeLease() throws Exception {
        db.migrate("store");
        Leases leases = new Leases(db);
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        for (int round = 0; round < 25; round++) {
            String job = "free-" + round;
            List<Boolean> won = race(8, i -> leases.tryAcquire(job, "node-" + i, Duration.ofMinutes(1), now));
            assertThat(won).as(job).containsOnlyOnce(true);
            assertThat(leases.current(job).orElseThrow().owner()).isEqualTo("node-" + won.indexOf(true));
        }
    }

    @Test
    void exactlyOneOfEightConcurrentCallersTakesOverAnExpiredLease() throws Exception {
        db.migrate("store");
        Leases leases = new Leases(db);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        for (int round = 0; round < 25; round++) {
            String job = "expired-" + round;
            assertThat(leases.tryAcquire(job, "dead-node", Duration.ofSeconds(10), t0)).isTrue();
            List<Boolean> won = race(8, i -> leases.tryAcquire(job, "node-" + i, Duration.ofMinutes(1), t0.plusSeconds(11)));
            assertThat(won).as(job).containsOnlyOnce(true);
        }
    }

    // --- misc ---

    @Test
    void describesTheStoreWithoutSecrets() {
        assertThat(db.describe()).isNotBlank().doesNotContainIgnoringCase("password");
        assertThat(db.engine()).isIn("h2", "postgresql");
        assertThat(db.dialect()).isEqualTo(Dialect.of(db.engine()));
    }

    // --- helpers ---

    @org.junit.jupiter.api.Test
    void upToDateHistorySkipsFlywayAndStaleHistoryDoesNot() {
        String table = "flyway_history_contract_a";
        org.assertj.core.api.Assertions.assertThat(
                MigrationIndex.upToDate(db.dataSource(), db.schema(), table, "db/contract_a")).isFalse();
        db.migrate("contract_a");
        org.assertj.core.api.Assertions.assertThat(
                MigrationIndex.upToDate(db.dataSource(), db.schema(), table, "db/contract_a")).isTrue();
        org.assertj.core.api.Assertions.assertThat(MigrationIndex.classpathVersions("db/contract_a"))
                .containsExactlyInAnyOrder("1", "2");
        jdbc.update("DELETE FROM \"" + table + "\" WHERE \"version\" = '2'");
        org.assertj.core.api.Assertions.assertThat(
                MigrationIndex.upToDate(db.dataSource(), db.schema(), table, "db/contract_a")).isFalse();
        org.assertj.core.api.Assertions.assertThat(MigrationIndex.compare("1.10", "1.9")).isPositive();
    }

    protected int insertKv(String key, String value) {
        return jdbc.update("INSERT INTO contract_kv (account, key, value, updated_at) VALUES (?, ?, ?, ?)",
                "111111111111", key, value, Instant.EPOCH);
    }

    protected long kvCount() {
        return jdbc.queryOne("SELECT COUNT(*) FROM contract_kv", rs -> rs.getLong(1)).orElseThrow();
    }

    /** "version:description" of each applied migration in a service's Flyway history (no baseline/markers). */
    protected List<String> history(String service) {
        // Flyway quotes the history table and its columns: they are lowercase on H2 too.
        return jdbc.query("SELECT \"version\", \"description\", \"type\" FROM \"flyway_history_" + service
                        + "\" WHERE \"success\" = ? ORDER BY \"installed_rank\"",
                rs -> rs.getString(1) == null || rs.getString("type").contains("BASELINE")
                        ? null : rs.getString(1) + ":" + rs.getString(2).toLowerCase(Locale.ROOT),
                true).stream().filter(s -> s != null).toList();
    }

    /** Lowercase names of the tables in the store's schema. */
    protected List<String> tables() {
        return jdbc.withConnection(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
                while (rs.next()) names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            return names;
        });
    }

    /** Runs {@code task(i)} for i in [0, n) on n threads released at the same instant. */
    protected static <T> List<T> race(int n, ThrowingIntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                Callable<T> call = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.apply(id);
                };
                futures.add(pool.submit(call));
            }
            T[] results = newArray(n);
            for (int i = 0; i < n; i++) results[i] = futures.get(i).get(60, TimeUnit.SECONDS);
            return Arrays.asList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    protected interface ThrowingIntFunction<T> {
        T apply(int i) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(int n) {
        return (T[]) new Object[n];
    }
}
