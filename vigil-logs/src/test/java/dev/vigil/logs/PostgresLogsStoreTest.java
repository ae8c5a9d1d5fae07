package dev.vigil.logs;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Logs store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresLogsStoreTest extends LogsStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("logs");
    }
}
