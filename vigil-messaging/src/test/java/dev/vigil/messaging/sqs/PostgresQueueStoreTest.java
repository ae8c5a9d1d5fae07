package dev.vigil.messaging.sqs;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The queue store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresQueueStoreTest extends QueueStoreContract {
    @Override
    JdbcDatabase open() { return TestDatabases.postgresOrSkip("messaging"); }
}
