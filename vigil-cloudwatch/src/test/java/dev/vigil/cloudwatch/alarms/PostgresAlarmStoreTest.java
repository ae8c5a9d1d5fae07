package dev.vigil.cloudwatch.alarms;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;

/** The alarm store contract on PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresAlarmStoreTest extends AlarmStoreContract {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgresOrSkip("cloudwatch");
    }
}
