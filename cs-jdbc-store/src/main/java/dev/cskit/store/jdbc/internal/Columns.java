package dev.cskit.store.jdbc.internal;

import dev.cskit.core.Ids;
import dev.cskit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sizes of the schema's text columns, and the check that a record fits them before
 * anything is written. Checking first gives a message naming the field, and keeps a too-long
 * value from failing a transaction halfway.
 *
 * <p>Not thread-safe: one instance collects the problems of one write.
 */
public final class Columns {

    /**
     * Ids, keys, step names, owners and actors: {@value} characters, the id rule of
     * {@link Ids}; the schema's id columns are that wide.
     */
    public static final int ID = Ids.MAX_LENGTH;

    /** Kinds, levels and triggers: {@value} characters. */
    public static final int KIND = 50;

    /** Event and action types: {@value} characters. */
    public static final int TYPE = 100;

    private final List<InvalidInputException.Problem> problems = new ArrayList<>();

    /**
     * Checks a required text.
     *
     * @param field the field, as the SPI names it
     * @param value the value
     * @param max the column's size in characters
     * @return this
     */
    public Columns text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(InvalidInputException.Problem.of(field, value, "must not be blank"));
        } else if (value.length() > max) {
            problems.add(InvalidInputException.Problem.of(field, value,
                    "must be at most " + max + " characters to fit its column (it has "
                            + value.length() + ")"));
        }
        return this;
    }

    /**
     * Checks an optional text.
     *
     * @param field the field, as the SPI names it
     * @param value the value, possibly empty
     * @param max the column's size in characters
     * @return this
     */
    public Columns optionalText(String field, Optional<String> value, int max) {
        value.ifPresent(v -> text(field, v, max));
        return this;
    }

    /**
     * Records a problem found by another check.
     *
     * @param field the field
     * @param value the value
     * @param rule the rule it breaks
     * @return this
     */
    public Columns problem(String field, Object value, String rule) {
        problems.add(InvalidInputException.Problem.of(field, value, rule));
        return this;
    }

    /**
     * Throws if any check failed.
     *
     * @throws InvalidInputException naming every problem found
     */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Checks a positive limit.
     *
     * @param limit the limit
     * @return the limit
     * @throws InvalidInputException if it is not positive
     */
    public static int positiveLimit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", limit, "must be positive");
        }
        return limit;
    }
}
