package dev.vigil.iam.iam;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The provider contract on embedded H2. */
class H2IamProviderTest extends IamProviderContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("iam");
    }
}
