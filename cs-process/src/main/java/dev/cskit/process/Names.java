package dev.cskit.process;

import dev.cskit.core.InvalidInputException;

/** Structural checks on names and ids in definitions; each failure names field and rule. */
final class Names {

    static final int MAX_ID_LENGTH = 200;

    private Names() {
    }

    static String id(String field, String value) {
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
}
