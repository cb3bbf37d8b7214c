package dev.cskit.store.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** In-memory H2 databases for tests, each kept until the JVM ends. */
final class H2Databases {

    static {
        TestLogging.quietFlyway();
    }

    private H2Databases() {
    }

    /** @return a new, empty database */
    static DataSource fresh() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:cskit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** @return a new database with the store's schema */
    static DataSource migrated() {
        DataSource dataSource = fresh();
        JdbcSchema.migrate(dataSource, Dialect.H2);
        return dataSource;
    }
}
