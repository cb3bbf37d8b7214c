package dev.cskit.core;

/**
 * The one rule cskit applies to every id and key it accepts (tenants, customers, events,
 * subscriptions, process keys, steps, tasks): 1 to {@value #MAX_LENGTH} characters, not blank,
 * no control characters. Modules and applications that take ids check them here, so an id that
 * one part of cskit accepts is accepted by all of them.
 */
public final class Ids {

    /** The longest id cskit accepts, in characters. */
    public static final int MAX_LENGTH = 200;

    private Ids() {
    }

    /**
     * Checks an id.
     *
     * @param field the field name, for the message
     * @param value the id
     * @return the id, unchanged
     * @throws InvalidInputException naming the field, the value and the rule it breaks
     */
    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, value,
                    "must be at most " + MAX_LENGTH + " characters");
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
