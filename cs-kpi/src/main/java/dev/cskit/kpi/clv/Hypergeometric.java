package dev.cskit.kpi.clv;

/**
 * The Gauss hypergeometric function 2F1, in the scaled form the BG/NBD expectation needs.
 *
 * <p>For {@code |z| < 1} the function is the power series
 * {@code 2F1(a, b; c; z) = sum_k (a)_k (b)_k / ((c)_k k!) z^k}, with {@code (y)_k} the rising
 * factorial. The BG/NBD conditional expectation multiplies it by {@code c} and by a factor
 * {@code (1 - z)^a} that may be tiny while the series is huge, so this class computes
 * {@code exp(logFactor) * c * 2F1(a, b; c; z)} directly:
 * <ul>
 *   <li>{@code c * 2F1} is summed as {@code c + sum_{k >= 1} (a)_k (b)_k / ((c + 1)_{k - 1} k!)
 *       z^k}, which is defined for every {@code c > -1} (including {@code c = 0}, where
 *       2F1 itself is not);</li>
 *   <li>the partial sum is rescaled whenever it grows past 1e200, and the factor is applied
 *       in log space at the end, so neither overflow nor underflow can occur in between.</li>
 * </ul>
 *
 * <p>Convergence: for {@code a, b > 0}, {@code c > -1} and {@code 0 <= z < 1} every term after
 * the first is positive and the ratio of consecutive terms,
 * {@code (a + k)(b + k) z / ((c + k)(k + 1))}, tends to {@code z}; the series converges
 * absolutely. The sum stops once the ratio is below 1 (terms are falling) and the last term is
 * below {@code 1e-16 * (1 - z)} of the sum, which bounds the neglected tail by about
 * {@code 1e-16} of the sum when the ratio has settled near {@code z}. The number of terms
 * grows like {@code ln(1e-16) / ln(z)}: about 60 for {@code z = 0.5}, 400 for {@code z = 0.9},
 * 4,000 for {@code z = 0.99}. Past {@link #MAX_TERMS} terms an {@link ArithmeticException} is
 * thrown.
 */
final class Hypergeometric {

    /** The most terms summed before giving up. */
    static final int MAX_TERMS = 2_000_000;

    private static final double EPSILON = 1e-16;
    private static final double RESCALE_ABOVE = 1e200;
    private static final double RESCALE_BY = 1e-200;
    private static final double LOG_RESCALE = Math.log(1e200);

    private Hypergeometric() {
    }

    /**
     * Returns {@code exp(logFactor) * c * 2F1(a, b; c; z)}.
     *
     * @param a the first numerator parameter, {@code > 0}
     * @param b the second numerator parameter, {@code > 0}
     * @param c the denominator parameter, {@code > -1}
     * @param z the argument, {@code 0 <= z < 1}
     * @param logFactor the natural log of the factor applied to the result
     * @return the scaled value
     * @throws ArithmeticException if the series does not converge within {@link #MAX_TERMS}
     */
    static double scaledTimesC(double a, double b, double c, double z, double logFactor) {
        if (!(a > 0 && b > 0 && c > -1 && z >= 0 && z < 1)) {
            throw new IllegalArgumentException(
                    "2F1 needs a > 0, b > 0, c > -1, 0 <= z < 1: a=" + a + ", b=" + b + ", c="
                            + c + ", z=" + z);
        }
        if (z == 0) {
            return c * Math.exp(logFactor);
        }

        // First term c, second term a*b*z; from there each term is the previous times a ratio.
        double sum = c;
        double term = a * b * z;
        double logScale = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            sum += term;
            if (Math.abs(sum) > RESCALE_ABOVE) {
                sum *= RESCALE_BY;
                term *= RESCALE_BY;
                logScale += LOG_RESCALE;
            }

            double ratio = (a + k) * (b + k) * z / ((c + k) * (k + 1));
            if (ratio < 1 && term <= EPSILON * (1 - z) * Math.abs(sum)) {
                return Math.copySign(Math.exp(Math.log(Math.abs(sum)) + logScale + logFactor),
                        sum);
            }
            term *= ratio;
        }
        throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS
                + " terms: a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
    }
}
