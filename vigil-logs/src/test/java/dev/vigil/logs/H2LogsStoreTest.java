package dev.vigil.logs;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Logs store contract on embedded H2. */
class H2LogsStoreTest extends LogsStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("logs");
    }
}
