package dev.cskit.kpi.clv;

import java.util.Objects;

/**
 * The result of fitting the Gamma-Gamma spend model by maximum likelihood: the parameters,
 * the log-likelihood they reach and the number of customers (each with at least one repeat
 * purchase) they were fitted on.
 *
 * <p>Made by {@link GammaGammaModel#fit(java.util.Collection)}; immutable.
 *
 * @param parameters the maximum-likelihood parameters
 * @param logLikelihood the log-likelihood of the customers' mean values at those parameters
 *     (natural log of densities, summed over customers)
 * @param customers the number of customers the model was fitted on, {@code >= 1}
 */
public record GammaGammaFit(GammaGammaParameters parameters, double logLikelihood,
        int customers) {

    /**
     * Validates the result.
     *
     * @param parameters the maximum-likelihood parameters
     * @param logLikelihood the log-likelihood of the customers' mean values at those parameters
     *     (natural log of densities, summed over customers)
     * @param customers the number of customers the model was fitted on, {@code >= 1}
     * @throws NullPointerException if parameters is null
     */
    public GammaGammaFit {
        Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Returns the fitted model, ready for predictions.
     *
     * @return the model with the fitted parameters
     */
    public GammaGammaModel model() {
        return GammaGammaModel.of(parameters);
    }
}
