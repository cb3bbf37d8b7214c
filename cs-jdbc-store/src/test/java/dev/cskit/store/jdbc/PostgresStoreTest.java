package dev.cskit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.store.Store;
import dev.cskit.core.store.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SPI contract on PostgreSQL: a schema of its own for the class, migrated once and
 * emptied before each test. Skipped with a message when no server is reachable, unless
 * PostgreSQL is required (see {@link PostgresDatabase}).
 */
@ExtendWith(PostgresDatabase.class)
final class PostgresStoreTest extends StoreContract {

    private static String schema;
    private static HikariDataSource pool;

    @BeforeAll
    static void createSchema() {
        schema = PostgresDatabase.freshSchema();
        pool = PostgresDatabase.pool(schema, 8);
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
    protected Store newStore() {
        StoreTables.emptyAll(pool);
        return JdbcStore.builder().dataSource(pool).migrate(false).build();
    }
}
