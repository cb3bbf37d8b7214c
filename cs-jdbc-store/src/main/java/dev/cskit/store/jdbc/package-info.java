/**
 * The cskit persistence SPI over JDBC: {@link dev.cskit.store.jdbc.JdbcStore} for H2 2.x
 * (embedded, the default) and PostgreSQL 15 or newer (several nodes on one database), and
 * {@link dev.cskit.store.jdbc.JdbcSchema}, its schema as Flyway migrations.
 */
package dev.cskit.store.jdbc;
