package dev.vigil.cloudwatch;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The store contract on embedded H2. */
class H2CloudWatchStoreTest extends CloudWatchStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("cloudwatch");
    }
}
