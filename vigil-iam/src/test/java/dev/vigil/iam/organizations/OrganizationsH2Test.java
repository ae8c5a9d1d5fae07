package dev.vigil.iam.organizations;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Organizations contract on embedded H2. */
class OrganizationsH2Test extends OrganizationsContract {
    @Override
    JdbcDatabase open() { return TestDatabases.h2Memory("organizations"); }
}
