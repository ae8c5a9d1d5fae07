package dev.vigil.iam.iam;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** MFA devices and login profiles on embedded H2. */
class H2SignInCredentialsTest extends SignInCredentialsContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("iam");
    }
}
