package dev.vigil.cloudtrail;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The store contract on embedded H2. */
class H2CloudTrailStoreTest extends CloudTrailStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("cloudtrail");
    }
}
