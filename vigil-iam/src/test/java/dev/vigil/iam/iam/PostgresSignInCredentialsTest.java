package dev.vigil.iam.iam;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** MFA devices and login profiles on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresSignInCredentialsTest extends SignInCredentialsContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("iam");
    }
}
