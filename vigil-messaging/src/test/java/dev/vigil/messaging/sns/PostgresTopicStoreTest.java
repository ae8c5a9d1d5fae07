package dev.vigil.messaging.sns;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The topic store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresTopicStoreTest extends TopicStoreContract {
    @Override
    JdbcDatabase open() { return TestDatabases.postgresOrSkip("messaging"); }
}
