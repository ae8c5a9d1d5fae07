package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store contract on in-memory H2 ({@code --ephemeral}), plus H2-only behaviour. */
class H2StoreTest extends StoreContract {

    @Override
    protected JdbcDatabase openFresh() {
        return JdbcDatabase.open(StoreSpec.h2Memory());
    }

    @Test
    void describesAnInMemoryStore() {
        assertThat(db.describe()).isEqualTo("h2:mem");
        assertThat(db.engine()).isEqualTo("h2");
    }

    @Test
    void inMemoryStoresAreIsolatedAndGoneWhenClosed() throws Exception {
        db.migrate("contract_a");
        insertKv("a", "1");
        try (JdbcDatabase other = TestDatabases.h2Memory("contract_a")) {
            assertThat(new Jdbc(other).queryOne("SELECT COUNT(*) FROM contract_kv", rs -> rs.getLong(1))).contains(0L);
        }
        db.close();
        assertThatThrownBy(() -> jdbc.update("DELETE FROM contract_kv")).isInstanceOf(StoreException.class);
    }

    @Test
    void schemaIsCreatedAndUsedByEveryConnection() {
        try (JdbcDatabase tenant = JdbcDatabase.open(StoreSpec.h2Memory().withSchema("tenant_one"))) {
            tenant.migrate("contract_a");
            Jdbc t = tenant.jdbc();
            t.update("INSERT INTO contract_kv (account, key, value, updated_at) VALUES ('1', 'k', 'v', 0)");
            assertThat(t.withConnection(Connection::getSchema)).isEqualTo("tenant_one");
            assertThat(t.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'tenant_one'",
                    rs -> rs.getString(1).toLowerCase())).contains("contract_kv", "flyway_history_contract_a");
            assertThat(t.queryOne("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
                    rs -> rs.getLong(1))).contains(0L);
            tenant.wipe();
            assertThat(t.queryOne("SELECT COUNT(*) FROM contract_kv", rs -> rs.getLong(1))).contains(0L);
            assertThat(tenant.describe()).isEqualTo("h2:mem (schema tenant_one)");
        }
    }

    @Test
    void acceptsAUserGivenH2UrlAndKeepsItsSettings() {
        String name = "user_" + UUID.randomUUID().toString().replace("-", "");
        try (JdbcDatabase custom = JdbcDatabase.open(StoreSpec.url("jdbc:h2:mem:" + name + ";LOCK_TIMEOUT=2500"))) {
            custom.migrate("contract_a");
            assertThat(custom.describe()).isEqualTo("h2:mem:" + name);
            assertThat(custom.jdbc().queryOne("SELECT LOCK_TIMEOUT()", rs -> rs.getInt(1))).contains(2500);
        }
    }

    @Test
    void h2SettingsAreAddedOnlyWhenMissing() {
        assertThat(JdbcDatabase.withH2Settings("jdbc:h2:mem:x;write_delay=5", true))
                .isEqualTo("jdbc:h2:mem:x;write_delay=5;NON_KEYWORDS=KEY,VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        assertThat(JdbcDatabase.withH2Settings("jdbc:h2:tcp://host/db", false)).isEqualTo("jdbc:h2:tcp://host/db;NON_KEYWORDS=KEY,VALUE");
    }

    @Test
    void poolIsBounded() throws Exception {
        try (JdbcDatabase small = JdbcDatabase.open(StoreSpec.h2Memory().withMaxPoolSize(2))) {
            List<Connection> held = List.of(small.dataSource().getConnection(), small.dataSource().getConnection());
            long start = System.nanoTime();
            assertThatThrownBy(() -> small.jdbc().query("SELECT 1", rs -> 1))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(503));
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(4_000L, 9_000L); // the acquire timeout, not forever
            for (Connection c : held) c.close();
        }
    }
}
