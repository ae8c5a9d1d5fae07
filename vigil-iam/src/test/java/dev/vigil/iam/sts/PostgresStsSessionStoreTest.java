package dev.vigil.iam.sts;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The session store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresStsSessionStoreTest extends StsSessionStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("iam");
    }
}
