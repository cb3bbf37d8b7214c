/**
 * The cskit persistence SPI over JDBC, for H2 2.x and PostgreSQL 15 or newer, with its schema
 * as Flyway migrations. See {@link dev.cskit.store.jdbc.JdbcStore}.
 */
module dev.cskit.store.jdbc {
    requires transitive dev.cskit.core;
    requires transitive java.sql;
    requires flyway.core;
    requires com.github.benmanes.caffeine;

    exports dev.cskit.store.jdbc;
}
