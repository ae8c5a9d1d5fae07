package dev.vigil.core.store;

import javax.sql.DataSource;

/**
 * The one store (DESIGN §4): a pooled JDBC data source on H2 or PostgreSQL, with per-service Flyway
 * histories. Implemented in vigil-store. Thread-safe.
 */
public interface Database {

    DataSource dataSource();

    /** "h2" or "postgresql": the portable SQL subset is the same, a few statements differ. */
    String engine();

    /**
     * Applies the migrations under {@code classpath:db/<service>} with a Flyway history of that
     * service's own (table {@code flyway_history_<service>}), so services migrate independently.
     */
    void migrate(String service);

    /** Deletes every row of every service table (not the migration histories). */
    void wipe();

    /** A human description for /_vigil/health, e.g. "h2:file:./vigil-data/vigil" (no password). */
    String describe();
}
