package dev.cskit.examples.demo;

import dev.cskit.core.CsKitException;

/** The demo cannot run as asked: the message says what to change. Immutable. */
final class DemoException extends CsKitException {

    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
