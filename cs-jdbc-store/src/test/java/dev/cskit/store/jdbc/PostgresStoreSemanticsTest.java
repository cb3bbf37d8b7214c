package dev.cskit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store's own guarantees on PostgreSQL: a schema for the class, emptied per test. */
@ExtendWith(PostgresDatabase.class)
final class PostgresStoreSemanticsTest extends JdbcStoreSemanticsTest {

    private static String schema;
    private static HikariDataSource pool;

    @BeforeAll
    static void createSchema() {
        schema = PostgresDatabase.freshSchema();
        pool = PostgresDatabase.pool(schema, 5);
        JdbcSchema.migrate(pool, Dialect.POSTGRESQL);
    }

    @AfterAll
    static void dropSchema() {
        if (pool != null) {
            pool.close();
            PostgresDatabase.dropSchema(schema);
        }
    }

    @Override
    DataSource database() {
        return pool;
    }

    @Override
    String missingTableState() {
        return "42P01";
    }
}
