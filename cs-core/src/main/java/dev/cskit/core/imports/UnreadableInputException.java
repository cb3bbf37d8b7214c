package dev.cskit.core.imports;

import dev.cskit.core.CsKitException;

/**
 * An input (a mapping file, a data file or stream) could not be read at all: it does not
 * exist, it is not readable, or the stream failed. Bad content is not this failure but an
 * {@link dev.cskit.core.InvalidInputException}. The I/O failure is kept as the cause.
 */
public final class UnreadableInputException extends CsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source the input's name
     * @param cause the I/O failure
     */
    public UnreadableInputException(String source, Throwable cause) {
        super("cannot read " + source + ": " + cause.getMessage(), cause);
    }
}
