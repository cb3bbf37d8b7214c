package dev.cskit.core;

/**
 * The root of every exception cskit throws on purpose.
 *
 * <p>All cskit exceptions are unchecked and immutable. A subtype names the failure: invalid
 * input, an unknown id, a version conflict, a store failure. Catch this type to handle any
 * cskit failure in one place.
 */
public class CsKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed and why.
     *
     * @param message the message
     */
    public CsKitException(String message) {
        super(message);
    }

    /**
     * Creates an exception that keeps the failure that caused it.
     *
     * @param message the message
     * @param cause the cause, kept as is
     */
    public CsKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
