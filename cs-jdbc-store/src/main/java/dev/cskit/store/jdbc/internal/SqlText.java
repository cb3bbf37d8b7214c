package dev.cskit.store.jdbc.internal;

import dev.cskit.store.jdbc.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The few statements whose text differs between H2 and PostgreSQL: the upsert and the
 * insert-if-absent. Both are written so that the parameters are bound in column order; the
 * H2 insert-if-absent takes the key values a second time after them (see
 * {@link #keyRepeats}).
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * Returns an upsert: insert a row, or replace the non-key columns of the row with the same
     * key.
     *
     * @param dialect the dialect
     * @param table the table
     * @param keys the key columns, first in the column order
     * @param others the other columns
     * @return the statement text
     */
    public static String upsert(Dialect dialect, String table, List<String> keys,
            List<String> others) {
        String columns = String.join(", ", concat(keys, others));
        String marks = marks(keys.size() + others.size());
        if (dialect == Dialect.H2) {
            return "MERGE INTO " + table + " (" + columns + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + marks + ")";
        }
        StringBuilder set = new StringBuilder();
        for (String column : others) {
            set.append(set.length() == 0 ? "" : ", ").append(column).append(" = EXCLUDED.")
                    .append(column);
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + set;
    }

    /**
     * Returns an insert that does nothing when a row with the same key exists; its update
     * count is 1 when the row was inserted and 0 when it was there.
     *
     * @param dialect the dialect
     * @param table the table
     * @param keys the key columns, first in the column order
     * @param others the other columns
     * @return the statement text
     */
    public static String insertIfAbsent(Dialect dialect, String table, List<String> keys,
            List<String> others) {
        String columns = String.join(", ", concat(keys, others));
        String marks = marks(keys.size() + others.size());
        if (dialect == Dialect.H2) {
            return "INSERT INTO " + table + " (" + columns + ") SELECT " + marks
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE "
                    + String.join(" = ? AND ", keys) + " = ?)";
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks
                + ") ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
    }

    /**
     * Tells whether an insert-if-absent of this dialect takes the key values again after the
     * columns.
     *
     * @param dialect the dialect
     * @return whether to bind the keys a second time
     */
    public static boolean keyRepeats(Dialect dialect) {
        return dialect == Dialect.H2;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
