package dev.cskit.store.jdbc.internal;

import dev.cskit.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The store's one way to the database: a connection per call, from the application's
 * {@link DataSource}, given back when the call ends. Writes run in one transaction that is
 * committed whole or rolled back; every {@link SQLException} leaves as a cskit exception.
 *
 * <p>Thread-safe: it holds no connection between calls.
 */
public final class Database {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface Work<T> {

        /**
         * Does the work.
         *
         * @param connection the connection, in a transaction for writes
         * @return the result
         * @throws SQLException on a database failure
         */
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    /**
     * Creates the database access.
     *
     * @param dataSource the application's data source
     * @param dialect the database's dialect
     */
    public Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the data source */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs read-only work on a connection in auto-commit mode.
     *
     * @param what what is read, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.translate("cannot read " + what, e);
        }
    }

    /**
     * Runs work in one transaction: committed when the work returns, rolled back when it
     * throws anything, so a failed write leaves the database as it was.
     *
     * @param what what is written, for the message of a failure
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    public <T> T write(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("cannot write " + what, e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Tells whether a failure is a unique-key violation, which some writes expect.
     *
     * @param e the failure
     * @return whether its SQL state is 23505
     */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
