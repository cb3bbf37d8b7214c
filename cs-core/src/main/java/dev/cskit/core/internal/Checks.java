package dev.cskit.core.internal;

import dev.cskit.core.InvalidInputException;

/** Argument checks shared by the value types; each failure names the field, value and rule. */
public final class Checks {

    /** The longest id cskit accepts, in characters. */
    public static final int MAX_ID_LENGTH = 200;

    private Checks() {
    }

    /**
     * Checks an identifier: not blank, at most {@value #MAX_ID_LENGTH} characters, no control
     * characters.
     *
     * @param field the field name for the message
     * @param value the id
     * @return the id
     */
    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field, value,
                    "must be at most " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException(field, value,
                        "must not contain control characters");
            }
        }
        return value;
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
