package dev.cskit.store.jdbc;

import dev.cskit.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JDBC store speaks to. The SQL is the same for both except where a
 * database has its own way: upserts, insert-if-absent, and how due items are claimed.
 */
public enum Dialect {

    /** H2 2.x, embedded as a file or in memory: the default, nothing to install. */
    H2("h2"),

    /** PostgreSQL 15 or newer: several application nodes on one database. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * Returns the name of the folder that holds this database's migrations, under
     * {@code META-INF/cskit/migration/} in the jar.
     *
     * @return {@code h2} or {@code postgresql}
     */
    public String folder() {
        return folder;
    }

    /**
     * Tells which dialect a database speaks, from its connection metadata.
     *
     * @param dataSource the database
     * @return the dialect
     * @throws StoreException if no connection can be opened, or the database is neither H2
     *     nor PostgreSQL
     */
    public static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return of(product);
        } catch (SQLException e) {
            throw new StoreException("cannot open a connection to detect the database: "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    /**
     * Returns the dialect of a database product name, as JDBC metadata reports it.
     *
     * @param productName such as {@code H2} or {@code PostgreSQL}
     * @return the dialect
     * @throws StoreException if the product is neither H2 nor PostgreSQL
     */
    public static Dialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new StoreException("the JDBC store supports H2 and PostgreSQL, not '"
                + productName + "'; pass a DataSource of one of them", null, null);
    }
}
