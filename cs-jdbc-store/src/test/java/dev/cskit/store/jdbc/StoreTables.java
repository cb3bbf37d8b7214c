package dev.cskit.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Direct SQL on the store's tables, for tests that look under the SPI. */
final class StoreTables {

    static final List<String> ALL = List.of("cskit_customer", "cskit_subscription",
            "cskit_event", "cskit_survey", "cskit_definition", "cskit_instance", "cskit_audit",
            "cskit_due_item", "cskit_alert", "cskit_outbox");

    private StoreTables() {
    }

    /** Empties every store table; DELETE, as TRUNCATE is slow on PostgreSQL for tiny tables. */
    static void emptyAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : ALL) {
                statement.addBatch("DELETE FROM " + table);
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the store tables present in the connection's current schema (PostgreSQL). */
    static long tableCount(DataSource dataSource) {
        return number(dataSource, "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name IN ('"
                + String.join("', '", ALL) + "')");
    }

    static long count(DataSource dataSource, String table) {
        return number(dataSource, "SELECT COUNT(*) FROM " + table);
    }

    /** Counts the rows of every store table, in {@link #ALL} order. */
    static List<Long> counts(DataSource dataSource) {
        return ALL.stream().map(table -> count(dataSource, table)).toList();
    }

    static long number(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a query of two columns, a text key and a number.
     *
     * @return the number of each key
     */
    static Map<String, Long> numbersBy(DataSource dataSource, String sql) {
        Map<String, Long> numbers = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                numbers.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return numbers;
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
