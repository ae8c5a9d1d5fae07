package dev.vigil.iam.organizations;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Organizations contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class OrganizationsPostgresTest extends OrganizationsContract {
    @Override
    JdbcDatabase open() { return TestDatabases.postgresOrSkip("organizations"); }
}
