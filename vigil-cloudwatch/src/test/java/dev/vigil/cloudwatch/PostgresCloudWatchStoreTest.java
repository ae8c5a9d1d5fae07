package dev.vigil.cloudwatch;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresCloudWatchStoreTest extends CloudWatchStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("cloudwatch");
    }
}
