package dev.vigil.cloudtrail;

import java.sql.SQLException;

/** Reads SQLSTATE classes the same way on H2 and PostgreSQL (batch errors chain the real cause). Stateless. */
final class SqlStates {
    private SqlStates() {}

    /** Class 23: a key or constraint refused the row. */
    static boolean isIntegrityViolation(SQLException e) {
        return hasClass(e, "23");
    }

    /**
     * Classes 22 (data exception: value too long, bad format) and 23: retrying the same rows cannot succeed.
     * Everything else (connection lost, serialization failure, missing table) may pass on a later try.
     */
    static boolean isPermanent(SQLException e) {
        return hasClass(e, "22") || hasClass(e, "23");
    }

    private static boolean hasClass(SQLException e, String sqlClass) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                String state = s.getSQLState();
                if (state != null && state.startsWith(sqlClass)) return true;
                if (s.getNextException() == s) break;
            }
        }
        return false;
    }
}
