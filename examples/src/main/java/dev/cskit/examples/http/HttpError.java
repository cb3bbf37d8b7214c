package dev.cskit.examples.http;

import dev.cskit.core.CsKitException;

/**
 * A request the service refuses for a reason of HTTP itself (an unknown route, a method the
 * route does not take, a body too large), carrying the status to answer with.
 */
final class HttpError extends CsKitException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    HttpError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
