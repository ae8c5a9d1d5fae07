package dev.vigil.events.schemas;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Schema Registry's store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresSchemasStoreTest extends SchemasStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("schemas");
    }
}
