package dev.cskit.core;

import java.util.Optional;

/**
 * A store could not do what was asked: the database refused or failed. The cause is kept, and
 * for SQL failures the SQL state too. The failed command wrote nothing.
 */
public class StoreException extends CsKitException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what the store tried to do
     * @param sqlState the SQL state, or {@code null} when not an SQL failure
     * @param cause the failure
     */
    public StoreException(String message, String sqlState, Throwable cause) {
        super(sqlState == null ? message : message + " (SQL state " + sqlState + ")", cause);
        this.sqlState = sqlState;
    }

    /** @return the SQL state of the failure, when it came from a database */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
