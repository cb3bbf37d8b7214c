package dev.cskit.kpi.clv;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "Counting your customers
 * the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2)): fit it on
 * customers' purchase summaries, then ask how many purchases a customer will make and how
 * likely they are still active.
 *
 * <p>Use it for non-contractual settings, where customers can leave without saying so and
 * buy whenever they like (retail, marketplaces, usage-based add-ons). Time is in the unit of
 * the {@link PurchaseSummary summaries} the model was fitted on; horizons passed to it are in
 * the same unit (weeks for CDNOW).
 *
 * <p>Formulas, with parameters {@code r, alpha, a, b} and a customer's {@code x, t_x, T}:
 * <ul>
 *   <li>likelihood: {@code L = B(a, b + x) / B(a, b) * Gamma(r + x) alpha^r /
 *       (Gamma(r) (alpha + T)^(r + x)) + [x > 0] B(a + 1, b + x - 1) / B(a, b) *
 *       Gamma(r + x) alpha^r / (Gamma(r) (alpha + t_x)^(r + x))};</li>
 *   <li>probability alive: {@code P = 1 / (1 + [x > 0] a / (b + x - 1) *
 *       ((alpha + T) / (alpha + t_x))^(r + x))}, so a customer who never repeated is alive
 *       with probability 1: in this model a customer can only drop out right after a
 *       purchase;</li>
 *   <li>expected purchases in the next {@code t} (eq. 10): {@code E = (a + b + x - 1) /
 *       (a - 1) * [1 - ((alpha + T) / (alpha + T + t))^(r + x) * 2F1(r + x, b + x;
 *       a + b + x - 1; t / (alpha + T + t))] / (1 + [x > 0] a / (b + x - 1) *
 *       ((alpha + T) / (alpha + t_x))^(r + x))}, with the Gauss hypergeometric function 2F1
 *       summed as a power series (its argument is always in {@code [0, 1)});</li>
 *   <li>expected purchases of a new customer in {@code (0, t]}: the same with
 *       {@code x = t_x = T = 0}.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Note: eq. 10 has a removable singularity at {@code a = 1}; within {@code 1e-5} of it the
 * expectation is interpolated between {@code a = 1 - 1e-5} and {@code a = 1 + 1e-5} (relative
 * error about 1e-10). The series needs about {@code ln(1e-16) / ln(z)} terms for
 * {@code z = t / (alpha + T + t)}, so horizons hundreds of times longer than
 * {@code alpha + T} get slow; for CDNOW-like data and horizons of a few years it needs a few
 * hundred terms.
 */
public final class BgNbdModel {

    private static final double SINGULAR_A_WIDTH = 1e-5;

    private final BgNbdParameters parameters;

    private BgNbdModel(BgNbdParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param parameters the parameters, for example from an earlier fit
     * @return the model
     */
    public static BgNbdModel of(BgNbdParameters parameters) {
        return new BgNbdModel(parameters);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * <p>The search runs Nelder-Mead on the logs of the four parameters from
     * {@code r = a = b = 1} and {@code alpha} equal to the mean age, restarting from each
     * optimum until it stops improving. Customers with identical summaries are evaluated once
     * and weighted, so large bases with coarse time units fit quickly.
     *
     * @param customers the customers' purchase summaries, at least one
     * @return the fitted parameters with their log-likelihood
     * @throws dev.cskit.core.InvalidInputException if {@code customers} is empty or holds null
     * @throws ModelFitException if the optimiser does not converge, or the likelihood has no
     *     interior maximum (for example when no customer repeats) so that a parameter diverges
     */
    public static BgNbdFit fit(Collection<PurchaseSummary> customers) {
        Map<PurchaseSummary, Integer> counts = countDistinct(customers);
        if (customers.stream().allMatch(c -> c.frequency() == 0)) {
            throw new ModelFitException("BG/NBD fit on " + customers.size() + " customers has"
                    + " no maximum: nobody made a repeat purchase, so purchase rates and"
                    + " dropout cannot be told apart");
        }
        double meanAge = customers.stream().mapToDouble(PurchaseSummary::age).average()
                .orElseThrow();

        // Evaluate each distinct summary once, weighted by how many customers share it.
        PurchaseSummary[] distinct = counts.keySet().toArray(new PurchaseSummary[0]);
        double[] weights = new double[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            weights[i] = counts.get(distinct[i]);
        }
        String[] names = {"r", "alpha", "a", "b"};
        double[] found = MaximumLikelihood.maximise("BG/NBD", names, customers.size(), p -> {
            double sum = 0;
            for (int i = 0; i < distinct.length; i++) {
                sum += weights[i] * logLikelihood(p[0], p[1], p[2], p[3], distinct[i]);
            }
            return sum;
        }, new double[] {1, meanAge, 1, 1});

        BgNbdParameters fitted = BgNbdParameters.of(found[0], found[1], found[2], found[3]);
        return new BgNbdFit(fitted, found[4], customers.size());
    }

    /**
     * Returns the parameters.
     *
     * @return the parameters
     */
    public BgNbdParameters parameters() {
        return parameters;
    }

    /**
     * Returns the log-likelihood of one customer's summary (natural log).
     *
     * @param customer the customer's summary
     * @return the log-likelihood, {@code <= 0}
     */
    public double logLikelihood(PurchaseSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return logLikelihood(parameters.r(), parameters.alpha(), parameters.a(), parameters.b(),
                customer);
    }

    /**
     * Returns the log-likelihood of a set of customers: the sum over customers.
     *
     * @param customers the customers' summaries
     * @return the summed log-likelihood, 0 for no customers
     */
    public double logLikelihood(Collection<PurchaseSummary> customers) {
        return customers.stream().mapToDouble(this::logLikelihood).sum();
    }

    /**
     * Returns the probability that the customer is still active at the end of observation,
     * at age {@code T}.
     *
     * @param customer the customer's summary
     * @return the probability in {@code [0, 1]}; exactly 1 when the frequency is 0
     */
    public double probabilityAlive(PurchaseSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return 1 / (1 + Math.exp(logDeadOdds(parameters.a(), customer)));
    }

    /**
     * Returns the number of purchases the customer is expected to make in the next
     * {@code horizon} time units after the end of observation (eq. 10).
     *
     * @param customer the customer's summary
     * @param horizon the length of the forecast window, in the data's time unit
     * @return the expected purchase count, {@code >= 0}, non-decreasing in the horizon and 0
     *     for a horizon of 0
     * @throws dev.cskit.core.InvalidInputException if horizon is not finite and {@code >= 0}
     * @throws ArithmeticException if the hypergeometric series does not converge (horizons
     *     millions of times longer than the customer's age)
     */
    public double expectedPurchases(PurchaseSummary customer, double horizon) {
        Objects.requireNonNull(customer, "customer");
        Checks.nonNegative("horizon", horizon);
        double a = parameters.a();

        // Eq. 10 is 0/0 at a = 1: interpolate across the gap.
        if (Math.abs(a - 1) < SINGULAR_A_WIDTH) {
            double below = conditional(1 - SINGULAR_A_WIDTH, customer, horizon);
            double above = conditional(1 + SINGULAR_A_WIDTH, customer, horizon);
            double weight = (a - (1 - SINGULAR_A_WIDTH)) / (2 * SINGULAR_A_WIDTH);
            return Math.max(0, below + weight * (above - below));
        }
        return Math.max(0, conditional(a, customer, horizon));
    }

    /**
     * Returns the number of repeat purchases a newly acquired customer is expected to make in
     * the first {@code horizon} time units after their first purchase.
     *
     * @param horizon the length of the window, in the data's time unit
     * @return the expected repeat purchase count, {@code >= 0}
     * @throws dev.cskit.core.InvalidInputException if horizon is not finite and {@code >= 0}
     */
    public double expectedPurchases(double horizon) {
        Checks.nonNegative("horizon", horizon);
        if (horizon == 0) {
            return 0;
        }

        // The unconditional expectation is eq. 10 for a customer observed for no time at all.
        double a = parameters.a();
        if (Math.abs(a - 1) < SINGULAR_A_WIDTH) {
            double below = unconditional(1 - SINGULAR_A_WIDTH, horizon);
            double above = unconditional(1 + SINGULAR_A_WIDTH, horizon);
            double weight = (a - (1 - SINGULAR_A_WIDTH)) / (2 * SINGULAR_A_WIDTH);
            return Math.max(0, below + weight * (above - below));
        }
        return Math.max(0, unconditional(a, horizon));
    }

    private double conditional(double a, PurchaseSummary customer, double t) {
        int x = customer.frequency();
        double rx = parameters.r() + x;
        double alphaT = parameters.alpha() + customer.age();
        double c = a + parameters.b() + x - 1;
        double z = t / (alphaT + t);

        // E = (c - w * c * 2F1) / ((a - 1) * D), with w = ((alpha + T) / (alpha + T + t))^(r + x)
        double logW = rx * Math.log(alphaT / (alphaT + t));
        double scaled = Hypergeometric.scaledTimesC(rx, parameters.b() + x, c, z, logW);
        double denominator = 1 + Math.exp(logDeadOdds(a, customer));
        return (c - scaled) / ((a - 1) * denominator);
    }

    private double unconditional(double a, double t) {
        double r = parameters.r();
        double alpha = parameters.alpha();
        double c = a + parameters.b() - 1;
        double logW = r * Math.log(alpha / (alpha + t));
        double scaled = Hypergeometric.scaledTimesC(r, parameters.b(), c, t / (alpha + t), logW);
        return (c - scaled) / (a - 1);
    }

    /** The log of {@code a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x)}. */
    private double logDeadOdds(double a, PurchaseSummary customer) {
        int x = customer.frequency();
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double alpha = parameters.alpha();
        return Math.log(a / (parameters.b() + x - 1)) + (parameters.r() + x)
                * Math.log((alpha + customer.age()) / (alpha + customer.recency()));
    }

    static double logLikelihood(double r, double alpha, double a, double b,
            PurchaseSummary customer) {
        int x = customer.frequency();
        double tx = customer.recency();
        double age = customer.age();

        // The common factor, then the two branches: still alive at T, or dropped after t_x.
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b)
                - Gamma.logGamma(a + b + x);
        double alive = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return common + alive;
        }
        double dropped = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(alive, dropped);
        return common + max + Math.log(Math.exp(alive - max) + Math.exp(dropped - max));
    }

    static Map<PurchaseSummary, Integer> countDistinct(Collection<PurchaseSummary> customers) {
        Checks.require(customers != null && !customers.isEmpty(), "customers",
                customers == null ? null : "[]", "a non-empty collection");
        Map<PurchaseSummary, Integer> counts = new LinkedHashMap<>();
        for (PurchaseSummary customer : customers) {
            Checks.require(customer != null, "customers[i]", null, "non-null");
            counts.merge(customer, 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BgNbdModel && ((BgNbdModel) other).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "BgNbdModel" + parameters;
    }
}
