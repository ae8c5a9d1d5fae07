package dev.vigil.cloudwatch.alarms;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The alarm store contract on embedded H2. */
class H2AlarmStoreTest extends AlarmStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2Memory("cloudwatch");
    }
}
