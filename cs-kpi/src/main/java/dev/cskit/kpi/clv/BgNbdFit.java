package dev.cskit.kpi.clv;

import java.util.Objects;

/**
 * The result of fitting the BG/NBD model by maximum likelihood: the parameters, the
 * log-likelihood they reach and the number of customers they were fitted on.
 *
 * <p>Made by {@link BgNbdModel#fit(java.util.Collection)}; immutable.
 *
 * @param parameters the maximum-likelihood parameters
 * @param logLikelihood the log-likelihood of the data at those parameters (natural log,
 *     summed over customers), {@code <= 0}
 * @param customers the number of customers the model was fitted on, {@code >= 1}
 */
public record BgNbdFit(BgNbdParameters parameters, double logLikelihood, int customers) {

    /**
     * Validates the result.
     *
     * @param parameters the maximum-likelihood parameters
     * @param logLikelihood the log-likelihood of the data at those parameters (natural log,
     *     summed over customers), {@code <= 0}
     * @param customers the number of customers the model was fitted on, {@code >= 1}
     * @throws NullPointerException if parameters is null
     */
    public BgNbdFit {
        Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Returns the fitted model, ready for predictions.
     *
     * @return the model with the fitted parameters
     */
    public BgNbdModel model() {
        return BgNbdModel.of(parameters);
    }
}
