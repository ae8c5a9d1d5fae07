package dev.vigil.iam.sts;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The session store contract on embedded H2. */
class H2StsSessionStoreTest extends StsSessionStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("iam");
    }
}
