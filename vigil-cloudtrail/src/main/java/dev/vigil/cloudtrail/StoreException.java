package dev.vigil.cloudtrail;

import java.sql.SQLException;

/** A store operation failed; carries the SQLException so callers can tell transient from permanent failures. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, SQLException cause) {
        super(message, cause);
    }

    public SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
