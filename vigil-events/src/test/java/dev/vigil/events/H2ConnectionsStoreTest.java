package dev.vigil.events;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The connections store contract on embedded H2. */
class H2ConnectionsStoreTest extends ConnectionsStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("events");
    }
}
