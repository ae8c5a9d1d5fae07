package dev.vigil.events;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The archive/replay/partner store contract on embedded H2. */
class H2ArchiveStoreTest extends ArchiveStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("events");
    }
}
