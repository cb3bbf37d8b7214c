package dev.cskit.core.internal;

import dev.cskit.core.InvalidInputException;

/** Argument checks shared by the value types; each failure names the field, value and rule. */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks that a text is not blank.
     *
     * @param field the field name for the message
     * @param value the text
     * @return the text
     */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
        return value;
    }
}
