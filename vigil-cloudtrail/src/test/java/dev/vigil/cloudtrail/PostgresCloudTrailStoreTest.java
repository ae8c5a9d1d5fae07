package dev.vigil.cloudtrail;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresCloudTrailStoreTest extends CloudTrailStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("cloudtrail");
    }
}
