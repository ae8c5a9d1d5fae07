package dev.vigil.messaging.sns;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The topic store contract on embedded H2. */
class H2TopicStoreTest extends TopicStoreContract {
    @Override
    JdbcDatabase open() { return TestDatabases.h2Memory("messaging"); }
}
