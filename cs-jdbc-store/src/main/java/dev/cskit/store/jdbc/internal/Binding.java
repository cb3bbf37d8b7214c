package dev.cskit.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Binds parameters and reads columns the same way on H2 and PostgreSQL: instants as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC, absent values as typed SQL nulls.
 */
public final class Binding {

    /** The earliest instant a query bound is sent as; earlier ones are raised to it. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant a query bound is sent as; later ones are lowered to it. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Binding() {
    }

    /**
     * Binds an instant that bounds a query ({@code due_at <= ?}), clamped to the years 1 to
     * 9999 that both databases hold, so {@link Instant#MAX} means "any time".
     *
     * @param statement the statement
     * @param index the parameter index
     * @param bound the bound
     * @throws SQLException on a driver failure
     */
    public static void bound(PreparedStatement statement, int index, Instant bound)
            throws SQLException {
        Instant clamped = bound.isBefore(EARLIEST) ? EARLIEST
                : bound.isAfter(LATEST) ? LATEST : bound;
        instant(statement, index, clamped);
    }

    /**
     * Binds an instant, or a null timestamp.
     *
     * @param statement the statement
     * @param index the parameter index
     * @param instant the instant, or {@code null}
     * @throws SQLException on a driver failure
     */
    public static void instant(PreparedStatement statement, int index, Instant instant)
            throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /**
     * Binds an optional instant.
     *
     * @param statement the statement
     * @param index the parameter index
     * @param instant the instant
     * @throws SQLException on a driver failure
     */
    public static void instant(PreparedStatement statement, int index, Optional<Instant> instant)
            throws SQLException {
        instant(statement, index, instant.orElse(null));
    }

    /**
     * Binds a text, or a null text.
     *
     * @param statement the statement
     * @param index the parameter index
     * @param text the text, or {@code null}
     * @throws SQLException on a driver failure
     */
    public static void text(PreparedStatement statement, int index, String text)
            throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    /**
     * Binds an optional text.
     *
     * @param statement the statement
     * @param index the parameter index
     * @param text the text
     * @throws SQLException on a driver failure
     */
    public static void text(PreparedStatement statement, int index, Optional<String> text)
            throws SQLException {
        text(statement, index, text.orElse(null));
    }

    /**
     * Reads an instant column.
     *
     * @param row the row
     * @param column the column name
     * @return the instant, or {@code null} for SQL null
     * @throws SQLException on a driver failure
     */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Reads a nullable instant column.
     *
     * @param row the row
     * @param column the column name
     * @return the instant, or empty for SQL null
     * @throws SQLException on a driver failure
     */
    public static Optional<Instant> optionalInstant(ResultSet row, String column)
            throws SQLException {
        return Optional.ofNullable(instant(row, column));
    }

    /**
     * Reads a nullable text column.
     *
     * @param row the row
     * @param column the column name
     * @return the text, or empty for SQL null
     * @throws SQLException on a driver failure
     */
    public static Optional<String> optionalText(ResultSet row, String column)
            throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }
}
