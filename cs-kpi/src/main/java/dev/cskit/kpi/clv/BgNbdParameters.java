package dev.cskit.kpi.clv;

/**
 * The four parameters of the BG/NBD model (Fader, Hardie and Lee 2005, "Counting your
 * customers the easy way").
 *
 * <p>While active, a customer buys as a Poisson process with rate &lambda;; across customers
 * &lambda; is gamma distributed with shape {@code r} and rate {@code alpha}. After each
 * purchase a customer drops out with probability p; across customers p is beta distributed
 * with shapes {@code a} and {@code b}.
 *
 * <p>{@code alpha} is in the time unit of the data the model was fitted on (weeks for CDNOW:
 * an active customer's mean purchase rate is {@code r / alpha} purchases per week);
 * {@code r}, {@code a} and {@code b} have no unit. All four must be finite and {@code > 0};
 * a violation throws {@link dev.cskit.core.InvalidInputException}.
 *
 * @param r the shape of the gamma distribution of purchase rates
 * @param alpha the rate of the gamma distribution of purchase rates, in the data's time unit
 * @param a the first shape of the beta distribution of dropout probabilities
 * @param b the second shape of the beta distribution of dropout probabilities
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    /**
     * Validates the parameters.
     *
     * @param r the shape of the gamma distribution of purchase rates
     * @param alpha the rate of the gamma distribution of purchase rates, in the data's time unit
     * @param a the first shape of the beta distribution of dropout probabilities
     * @param b the second shape of the beta distribution of dropout probabilities
     * @throws dev.cskit.core.InvalidInputException if any parameter is not finite and positive
     */
    public BgNbdParameters {
        Checks.positive("BgNbdParameters.r", r);
        Checks.positive("BgNbdParameters.alpha", alpha);
        Checks.positive("BgNbdParameters.a", a);
        Checks.positive("BgNbdParameters.b", b);
    }

    /**
     * Creates a parameter set; the same as the constructor.
     *
     * @param r the gamma shape
     * @param alpha the gamma rate, in the data's time unit
     * @param a the first beta shape
     * @param b the second beta shape
     * @return the validated parameters
     * @throws dev.cskit.core.InvalidInputException if any parameter is not finite and positive
     */
    public static BgNbdParameters of(double r, double alpha, double a, double b) {
        return new BgNbdParameters(r, alpha, a, b);
    }
}
