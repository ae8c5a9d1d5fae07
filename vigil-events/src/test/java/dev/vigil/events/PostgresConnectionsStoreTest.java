package dev.vigil.events;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The connections store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresConnectionsStoreTest extends ConnectionsStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("events");
    }
}
