package dev.vigil.events.schemas;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Schema Registry's store contract on embedded H2. */
class H2SchemasStoreTest extends SchemasStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("schemas");
    }
}
