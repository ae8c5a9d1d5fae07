package dev.vigil.events;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The store contract on embedded H2. */
class H2EventsStoreTest extends EventsStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("events");
    }
}
