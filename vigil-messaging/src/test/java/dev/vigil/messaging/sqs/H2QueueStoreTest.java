package dev.vigil.messaging.sqs;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The queue store contract on embedded H2. */
class H2QueueStoreTest extends QueueStoreContract {
    @Override
    JdbcDatabase open() { return TestDatabases.h2Memory("messaging"); }
}
