package dev.cskit.kpi.clv;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Beta;

/**
 * The BG/NBD conditional expectation (eq. 10) computed a second way, without the
 * hypergeometric function, to check the series.
 *
 * <p>Given purchase rate &lambda; and dropout probability p, an active customer is expected to
 * buy {@code (1 - exp(-lambda p t)) / p} times in the next t. Weighting by the posterior of
 * (&lambda;, p) and the probability of being active, and integrating &lambda; out in closed
 * form (a gamma integral), leaves one integral over p:
 * <pre>
 *   E = int_0^1 p^(a - 2) (1 - p)^(b + x - 1) [(alpha + T)^-(r + x)
 *         - (alpha + T + p t)^-(r + x)] dp
 *       / [B(a, b + x) (alpha + T)^-(r + x) + [x > 0] B(a + 1, b + x - 1) (alpha + t_x)^-(r + x)]
 * </pre>
 * The integrand behaves like {@code p^(a - 1)} near 0; substituting {@code p = u^(1 / a)}
 * makes it smooth, and Gauss-Legendre quadrature does the rest.
 */
final class BgNbdIntegration {

    private BgNbdIntegration() {
    }

    static double expectedPurchases(BgNbdParameters params, PurchaseSummary customer,
            double t) {
        double r = params.r();
        double alpha = params.alpha();
        double a = params.a();
        double b = params.b();
        int x = customer.frequency();
        double rx = r + x;
        double alphaT = alpha + customer.age();

        // Numerator: (1 / a) int_0^1 h(u^(1/a)) du, where h is the integrand without p^(a-1).
        // For many purchases (1 - p)^(b + x - 1) peaks sharply near 0, so the range is split
        // on a geometric grid and each piece integrated on its own.
        UnivariateFunction integrand = u -> {
            double p = Math.pow(u, 1 / a);
            if (p == 0) {
                return rx * t * Math.pow(alphaT, -rx - 1);
            }
            double difference = -Math.expm1(-rx * Math.log1p(p * t / alphaT))
                    * Math.pow(alphaT, -rx);
            return Math.pow(1 - p, b + x - 1) * difference / p;
        };
        double numerator = 0;
        double lower = 0;
        for (double upper = 1e-8; lower < 1; upper = Math.min(1, upper * 10)) {
            IterativeLegendreGaussIntegrator integrator =
                    new IterativeLegendreGaussIntegrator(32, 1e-11, 1e-300);
            numerator += integrator.integrate(1_000_000, integrand, lower, upper);
            lower = upper;
        }
        numerator /= a;

        double denominator = Math.exp(Beta.logBeta(a, b + x) - rx * Math.log(alphaT));
        if (x > 0) {
            denominator += Math.exp(Beta.logBeta(a + 1, b + x - 1)
                    - rx * Math.log(alpha + customer.recency()));
        }
        return numerator / denominator;
    }
}
