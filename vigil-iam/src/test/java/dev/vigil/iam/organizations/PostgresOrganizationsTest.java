package dev.vigil.iam.organizations;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The Organizations contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresOrganizationsTest extends OrganizationsContract {
    @Override
    JdbcDatabase open() { return TestDatabases.postgresOrSkip("organizations"); }
}
