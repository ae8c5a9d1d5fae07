package dev.vigil.store;

import dev.vigil.core.AwsException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * A database failure, already in AWS terms so a provider can simply let it propagate: transient
 * failures (connection lost, pool exhausted, lock timeout, deadlock, serialization conflict) are
 * {@code ServiceUnavailable} 503, which the AWS SDKs retry; anything else is {@code InternalFailure} 500.
 *
 * <p>The message is what a client sees, so it never carries SQL or driver text; the underlying
 * exception is kept as {@link #getCause()} for logs. Immutable.
 */
public final class StoreException extends AwsException {
    /** SQLState of a unique/primary-key violation on both H2 and PostgreSQL. */
    public static final String UNIQUE_VIOLATION = "23505";

    // 40001 serialization failure / H2 deadlock, 40P01 PG deadlock, 90131 H2 concurrent update,
    // HYT00 H2 lock timeout, 90067/90098/90121 H2 connection broken / database closed or closing,
    // 57014 PG statement cancelled, 57P0x PG shutting down / restarting.
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "90131", "HYT00",
            "90067", "90098", "90121", "57014", "57P01", "57P02", "57P03");
    // Retrying the same statement can succeed: two writers raced on a row.
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "90131");

    private final Throwable cause;
    private final String sqlState;

    private StoreException(String code, int status, String message, Throwable cause, String sqlState) {
        super(code, status, message);
        this.cause = cause;
        this.sqlState = sqlState;
    }

    /** Translates a driver or pool exception met while serving a request. */
    public static StoreException of(SQLException e) {
        return of(e, null);
    }

    /**
     * Translates a driver or pool exception with an operator-facing message (e.g. at startup, where
     * the driver's reason matters more than hiding it); null means the generic client message.
     */
    public static StoreException of(SQLException e, String message) {
        String state = stateOf(e);
        boolean transientFailure = e instanceof SQLTransientException
                || e instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)));
        return transientFailure
                ? new StoreException("ServiceUnavailable", 503,
                        message != null ? message : "The store is temporarily unavailable; retry the request.", e, state)
                : new StoreException("InternalFailure", 500,
                        message != null ? message : "The store failed to process the request.", e, state);
    }

    /** A non-SQL failure of the store layer (a failed migration, a pool that cannot start). */
    public static StoreException internal(String message, Throwable cause) {
        return new StoreException("InternalFailure", 500, message, cause, cause instanceof SQLException s ? stateOf(s) : null);
    }

    /** The SQLState of the first exception in the chain that has one, or null. */
    public String sqlState() { return sqlState; }

    /** True when a UNIQUE or PRIMARY KEY constraint rejected the write (e.g. "already exists" races). */
    public boolean isUniqueViolation() { return UNIQUE_VIOLATION.equals(sqlState); }

    /** True for failures where the same autocommit statement may succeed if simply run again. */
    public boolean isConflict() { return sqlState != null && CONFLICT_STATES.contains(sqlState); }

    // AwsException disables the writable cause for cheap AWS errors; a store failure needs the driver's trace.
    @Override
    public synchronized Throwable getCause() { return cause; }

    @Override
    public String toString() {
        return super.toString() + (cause == null ? "" : " [" + (sqlState == null ? "" : sqlState + ": ") + cause.getMessage() + "]");
    }

    private static String stateOf(SQLException e) {
        // Hikari wraps the driver's exception; the useful state may sit one level down.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        }
        return null;
    }
}
