package dev.cskit.examples.report;

import dev.cskit.core.CsKitException;

/** The report file could not be written; the cause says why. Immutable. */
public final class ReportWriteException extends CsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which file and why
     * @param cause the I/O failure
     */
    public ReportWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
