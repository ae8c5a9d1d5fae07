package dev.vigil.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set; see {@link Rows} for the nullable and Instant columns. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
