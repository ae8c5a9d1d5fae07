package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL, each test in a fresh schema (see {@link TestDatabases}):
 * skipped when PostgreSQL is unreachable, failed instead when {@code CI=true}.
 */
class PostgresStoreIT extends StoreContract {

    @Override
    protected JdbcDatabase openFresh() {
        return JdbcDatabase.open(TestDatabases.postgresSpecOrSkip());
    }

    @Test
    void everyConnectionUsesTheStoresSchemaAndNothingLandsInPublic() {
        // Compared with what public held before: other users of the shared database may keep tables there.
        String inPublic = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name IN ('store_lease', 'contract_kv')";
        long before = jdbc.queryOne(inPublic, rs -> rs.getLong(1)).orElse(0L);
        db.migrate("store");
        db.migrate("contract_a");
        assertThat(jdbc.withConnection(Connection::getSchema)).isEqualTo(db.schema());
        assertThat(jdbc.query("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                rs -> rs.getString(1), db.schema()))
                .contains("store_lease", "contract_kv", "flyway_history_store", "flyway_history_contract_a");
        assertThat(jdbc.queryOne(inPublic, rs -> rs.getLong(1))).contains(before);
    }

    @Test
    void migrationsDoNotLeaveTheirLongSocketTimeoutOnPooledConnections() throws Exception {
        db.migrate("contract_a");
        db.migrate("contract_b");
        List<Integer> timeouts = race(8, i -> jdbc.withConnection(Connection::getNetworkTimeout));
        assertThat(timeouts).containsOnly(JdbcDatabase.PG_SOCKET_TIMEOUT_S * 1000);
    }

    @Test
    void describesHostAndDatabaseButNoCredentials() {
        StoreSpec base = TestDatabases.postgresBaseSpec();
        String url = base.url() + (base.url().contains("?") ? "&" : "?") + "password=hunter2";
        try (JdbcDatabase withPassword = JdbcDatabase.open(StoreSpec.url(url, base.user(), "hunter2"))) {
            assertThat(withPassword.describe()).startsWith("postgresql://").doesNotContain("hunter2").doesNotContain("?");
            assertThat(withPassword.engine()).isEqualTo("postgresql");
        }
        assertThat(db.describe()).endsWith("(schema " + db.schema() + ")");
    }

    @Test
    void acceptsALibpqStyleUrl() {
        StoreSpec base = TestDatabases.postgresBaseSpec();
        String rest = base.url().substring("jdbc:postgresql://".length());
        try (JdbcDatabase libpq = JdbcDatabase.open(StoreSpec.url("postgresql://" + base.user() + "@" + rest))) {
            assertThat(libpq.jdbc().queryOne("SELECT current_user", rs -> rs.getString(1))).contains(base.user());
        }
    }

    @Test
    void anUnreachableServerIsAnErrorNotAHang() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> JdbcDatabase.open(StoreSpec.url("jdbc:postgresql://127.0.0.1:1/none", "postgres", null)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
}
