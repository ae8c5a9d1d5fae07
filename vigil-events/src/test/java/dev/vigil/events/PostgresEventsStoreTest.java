package dev.vigil.events;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresEventsStoreTest extends EventsStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("events");
    }
}
