package dev.cskit.kpi.clv;

import dev.cskit.core.CsKitException;

/**
 * Thrown when a model cannot be fitted by maximum likelihood: the optimiser did not converge
 * within its evaluation budget, or it ended at a point where the likelihood is not finite.
 *
 * <p>The message names the model, the number of customers and what went wrong. Likely causes
 * are too few customers, or data in which nobody repeats (BG/NBD) or every customer spends the
 * same (Gamma-Gamma), so that the likelihood has no interior maximum.
 */
public final class ModelFitException extends CsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and why
     */
    public ModelFitException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and why
     * @param cause the optimiser's failure
     */
    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
