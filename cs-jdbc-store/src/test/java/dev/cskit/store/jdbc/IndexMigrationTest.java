package dev.cskit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The second migration: indexes on a customer's instances by status, which the H2 planner
 * picks for both queries of a customer's instances, before and after the table is analysed.
 */
class IndexMigrationTest {

    private static final String RUNNING = "SELECT id FROM cskit_instance WHERE tenant = 't'"
            + " AND customer_id = 'c7' AND status = 'RUNNING' ORDER BY started_at, id";
    private static final String ALL = "SELECT id FROM cskit_instance WHERE tenant = 't'"
            + " AND customer_id = 'c7' ORDER BY started_at, id";
    private static final String COUNT = "SELECT COUNT(*) FROM cskit_instance WHERE tenant = 't'"
            + " AND status = 'RUNNING'";

    @Test
    void migrate_freshDatabase_appliesBothVersionsThenNothing() {
        DataSource dataSource = H2Databases.fresh();

        assertThat(JdbcSchema.migrate(dataSource, Dialect.H2)).isEqualTo(2);
        assertThat(JdbcSchema.migrate(dataSource, Dialect.H2)).isZero();
    }

    @Test
    void migrate_tableNotAnalysed_customerQueriesUseTheStatusIndex() throws SQLException {
        DataSource dataSource = H2Databases.migrated();

        try (Connection connection = dataSource.getConnection()) {
            insertInstances(connection, 500);

            assertRunningUsesBothColumns(plan(connection, RUNNING));
            assertThat(plan(connection, ALL)).contains("CSKIT_INSTANCE_CUSTOMER_STATUS_IX");
            assertThat(plan(connection, COUNT)).contains("CSKIT_INSTANCE_STATUS_CUSTOMER_IX");
        }
    }

    @Test
    void migrate_analysedTable_customerQueriesUseTheStatusIndex() throws SQLException {
        DataSource dataSource = H2Databases.migrated();

        try (Connection connection = dataSource.getConnection()) {
            insertInstances(connection, 2_000);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }

            assertRunningUsesBothColumns(plan(connection, RUNNING));
            assertThat(plan(connection, ALL)).contains("CSKIT_INSTANCE_CUSTOMER_STATUS_IX");
            assertThat(plan(connection, COUNT)).contains("CSKIT_INSTANCE_STATUS_CUSTOMER_IX");
        }
    }

    /** Inserts instances of 200 customers, one in ten running. */
    private static void insertInstances(Connection connection, int count) throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO"
                + " cskit_instance (tenant, id, customer_id, definition_key, definition_version,"
                + " status, step, step_entered_at, started_at, updated_at, version, state)"
                + " VALUES ('t', ?, ?, 'onboarding', 1, ?, 'welcome', ?, ?, ?, 1, '{}')")) {
            for (int i = 0; i < count; i++) {
                statement.setString(1, "i" + i);
                statement.setString(2, "c" + i % 200);
                statement.setString(3, i % 10 == 0 ? "RUNNING" : "COMPLETED");
                statement.setObject(4, at.plusMinutes(i));
                statement.setObject(5, at.plusMinutes(i));
                statement.setObject(6, at.plusMinutes(i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Checks that the index range, the comment in the plan, takes customer and status. */
    private static void assertRunningUsesBothColumns(String plan) {
        String range = plan.substring(plan.indexOf("/*"), plan.indexOf("*/"));

        assertThat(range).containsAnyOf("CSKIT_INSTANCE_CUSTOMER_STATUS_IX",
                "CSKIT_INSTANCE_STATUS_CUSTOMER_IX");
        assertThat(range).contains("TENANT = 'T'", "CUSTOMER_ID = 'C7'", "STATUS = 'RUNNING'");
    }

    private static String plan(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
            rows.next();
            return rows.getString(1).toUpperCase(Locale.ROOT);
        }
    }
}
