package dev.vigil.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The few statements that differ between the engines; everything else is the portable subset
 * (see {@link Jdbc} for the column-type conventions). Immutable.
 */
public enum Dialect {
    H2 {
        @Override
        public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
            List<String> all = columns(table, keyColumns, valueColumns);
            return "MERGE INTO " + table + " (" + String.join(", ", all) + ") KEY (" + String.join(", ", keyColumns)
                    + ") VALUES (" + placeholders(all.size()) + ")";
        }
    },
    POSTGRESQL {
        @Override
        public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
            List<String> all = columns(table, keyColumns, valueColumns);
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(String.join(", ", all))
                    .append(") VALUES (").append(placeholders(all.size())).append(") ON CONFLICT (")
                    .append(String.join(", ", keyColumns)).append(") DO ");
            if (valueColumns.isEmpty()) return sql.append("NOTHING").toString();
            sql.append("UPDATE SET ");
            for (int i = 0; i < valueColumns.size(); i++) {
                if (i > 0) sql.append(", ");
                sql.append(valueColumns.get(i)).append(" = EXCLUDED.").append(valueColumns.get(i));
            }
            return sql.toString();
        }
    };

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The dialect of {@link dev.vigil.core.store.Database#engine()}. */
    public static Dialect of(String engine) {
        return switch (engine) {
            case "h2" -> H2;
            case "postgresql" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("unknown store engine: " + engine);
        };
    }

    /**
     * Insert-or-update by key, one statement. Parameters are the key columns then the value columns,
     * in the given order. With no value columns it is insert-if-absent. The key columns must be the
     * primary key or a unique constraint (PostgreSQL's ON CONFLICT needs one). PostgreSQL resolves
     * concurrent upserts itself; H2's MERGE may report a concurrent update instead, which
     * {@link Jdbc} retries for autocommit statements and batches.
     */
    public abstract String upsert(String table, List<String> keyColumns, List<String> valueColumns);

    private static List<String> columns(String table, List<String> keys, List<String> values) {
        if (keys.isEmpty()) throw new IllegalArgumentException("an upsert needs at least one key column");
        List<String> all = new ArrayList<>(keys);
        all.addAll(values);
        all.add(table);
        for (String name : all) {
            // Names are pasted into SQL, so only plain identifiers pass.
            if (!IDENTIFIER.matcher(name).matches()) throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        all.remove(all.size() - 1);
        return all;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
