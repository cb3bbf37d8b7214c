package dev.cskit.kpi.clv;

/**
 * The three parameters of the Gamma-Gamma model of spend per transaction (Fader, Hardie and
 * Lee 2005, "RFM and CLV: using iso-value curves"; Fader and Hardie 2013, "The Gamma-Gamma
 * model of monetary value").
 *
 * <p>A customer's transaction values are gamma distributed with shape {@code p} and rate
 * &nu;; across customers &nu; is gamma distributed with shape {@code q} and rate
 * {@code gamma}. The mean spend per transaction across customers is
 * {@code p * gamma / (q - 1)} (finite only when {@code q > 1}).
 *
 * <p>{@code gamma} is in the currency unit of the data; {@code p} and {@code q} have no unit.
 * All three must be finite and {@code > 0}; a violation throws
 * {@link dev.cskit.core.InvalidInputException}.
 *
 * @param p the shape of each customer's distribution of transaction values
 * @param q the shape of the distribution of the customers' rate parameters
 * @param gamma the rate of the distribution of the customers' rate parameters, in the data's
 *     currency unit
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    /**
     * Validates the parameters.
     *
     * @param p the shape of each customer's distribution of transaction values
     * @param q the shape of the distribution of the customers' rate parameters
     * @param gamma the rate of the distribution of the customers' rate parameters, in the data's
     *     currency unit
     * @throws dev.cskit.core.InvalidInputException if any parameter is not finite and positive
     */
    public GammaGammaParameters {
        Checks.positive("GammaGammaParameters.p", p);
        Checks.positive("GammaGammaParameters.q", q);
        Checks.positive("GammaGammaParameters.gamma", gamma);
    }

    /**
     * Creates a parameter set; the same as the constructor.
     *
     * @param p the shape of the transaction values
     * @param q the shape of the rate heterogeneity
     * @param gamma the rate of the rate heterogeneity, in the data's currency unit
     * @return the validated parameters
     * @throws dev.cskit.core.InvalidInputException if any parameter is not finite and positive
     */
    public static GammaGammaParameters of(double p, double q, double gamma) {
        return new GammaGammaParameters(p, q, gamma);
    }
}
