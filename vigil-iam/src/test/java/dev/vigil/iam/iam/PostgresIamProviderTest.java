package dev.vigil.iam.iam;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The provider contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresIamProviderTest extends IamProviderContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("iam");
    }
}
