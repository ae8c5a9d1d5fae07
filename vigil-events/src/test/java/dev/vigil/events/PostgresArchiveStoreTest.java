package dev.vigil.events;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The archive/replay/partner store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresArchiveStoreTest extends ArchiveStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("events");
    }
}
