package dev.cskit.kpi.clv;

import dev.cskit.kpi.UndefinedKpiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", Journal of Marketing Research 42(4);
 * Fader and Hardie 2013, "The Gamma-Gamma model of monetary value"): fit it on the repeat
 * buyers' mean transaction values, then ask what a customer's future transactions are worth
 * on average.
 *
 * <p>Values are in the currency unit of the {@link SpendSummary summaries} the model was
 * fitted on; there is no time unit.
 *
 * <p>Formulas, with parameters {@code p, q, gamma} and a customer's {@code x} repeat purchases
 * of mean value {@code m}:
 * <ul>
 *   <li>likelihood of the mean value: {@code f(m) =
 *       Gamma(p x + q) / (Gamma(p x) Gamma(q)) * gamma^q m^(p x - 1) x^(p x) /
 *       (gamma + x m)^(p x + q)};</li>
 *   <li>conditional expected value per transaction: {@code E = p (gamma + x m) /
 *       (p x + q - 1)}, a weighted mean of the population mean {@code p gamma / (q - 1)} and
 *       the customer's own mean {@code m}, with weight {@code p x / (p x + q - 1)} on
 *       {@code m}: the more a customer has bought, the more their own mean counts.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <p>Note: the population mean, and so the expectation for a customer without repeat
 * purchases, is finite only for {@code q > 1}; the expectation for a repeat buyer only for
 * {@code p x + q > 1}. Where they are not finite the methods throw
 * {@link UndefinedKpiException} saying so, never return an infinity. The model assumes spend
 * per transaction is independent of purchase frequency.
 */
public final class GammaGammaModel {

    private final GammaGammaParameters parameters;

    private GammaGammaModel(GammaGammaParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param parameters the parameters, for example from an earlier fit
     * @return the model
     */
    public static GammaGammaModel of(GammaGammaParameters parameters) {
        return new GammaGammaModel(parameters);
    }

    /**
     * Fits the model by maximum likelihood on repeat buyers.
     *
     * <p>The search runs Nelder-Mead on the logs of the three parameters from
     * {@code p = q = 1} and {@code gamma} equal to the mean of the average values, restarting
     * from each optimum until it stops improving. Customers without repeat purchases carry no
     * information about spend and cannot be passed ({@link SpendSummary} requires
     * {@code frequency >= 1}).
     *
     * @param customers the repeat buyers' spend summaries, at least one
     * @return the fitted parameters with their log-likelihood
     * @throws dev.cskit.core.InvalidInputException if {@code customers} is empty or holds null
     * @throws ModelFitException if the optimiser does not converge, or the likelihood has no
     *     interior maximum (for example when every customer has the same mean value) so that
     *     a parameter diverges
     */
    public static GammaGammaFit fit(Collection<SpendSummary> customers) {
        Checks.require(customers != null && !customers.isEmpty(), "customers",
                customers == null ? null : "[]", "a non-empty collection");
        Map<SpendSummary, Integer> counts = new LinkedHashMap<>();
        for (SpendSummary customer : customers) {
            Checks.require(customer != null, "customers[i]", null, "non-null");
            counts.merge(customer, 1, Integer::sum);
        }
        double meanValue = customers.stream().mapToDouble(SpendSummary::averageValue).average()
                .orElseThrow();

        // Evaluate each distinct summary once, weighted by how many customers share it.
        SpendSummary[] distinct = counts.keySet().toArray(new SpendSummary[0]);
        double[] weights = new double[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            weights[i] = counts.get(distinct[i]);
        }
        String[] names = {"p", "q", "gamma"};
        double[] found = MaximumLikelihood.maximise("Gamma-Gamma", names, customers.size(), p -> {
            double sum = 0;
            for (int i = 0; i < distinct.length; i++) {
                sum += weights[i] * logLikelihood(p[0], p[1], p[2], distinct[i]);
            }
            return sum;
        }, new double[] {1, 1, meanValue});

        GammaGammaParameters fitted = GammaGammaParameters.of(found[0], found[1], found[2]);
        return new GammaGammaFit(fitted, found[3], customers.size());
    }

    /**
     * Returns the parameters.
     *
     * @return the parameters
     */
    public GammaGammaParameters parameters() {
        return parameters;
    }

    /**
     * Returns the log-likelihood of one customer's mean value (natural log of the density
     * of the mean of {@code x} transaction values).
     *
     * @param customer the customer's spend summary
     * @return the log-likelihood (a log-density, so it may be positive)
     */
    public double logLikelihood(SpendSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return logLikelihood(parameters.p(), parameters.q(), parameters.gamma(), customer);
    }

    /**
     * Returns the log-likelihood of a set of customers: the sum over customers.
     *
     * @param customers the customers' spend summaries
     * @return the summed log-likelihood, 0 for no customers
     */
    public double logLikelihood(Collection<SpendSummary> customers) {
        return customers.stream().mapToDouble(this::logLikelihood).sum();
    }

    /**
     * Returns the mean value per transaction across customers, {@code p gamma / (q - 1)}.
     *
     * @return the population mean
     * @throws UndefinedKpiException when {@code q <= 1}: the model then has no finite mean
     */
    public double populationMeanValue() {
        double q = parameters.q();
        if (q <= 1) {
            throw new UndefinedKpiException("the Gamma-Gamma population mean p gamma / (q - 1)"
                    + " is infinite for q = " + q + " <= 1");
        }
        return parameters.p() * parameters.gamma() / (q - 1);
    }

    /**
     * Returns the expected value of the customer's future transactions, given their past
     * ones.
     *
     * @param customer the customer's spend summary
     * @return the expected value per transaction, {@code > 0}, in the data's currency unit
     */
    public double expectedAverageValue(SpendSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return expectedAverageValue(customer.frequency(), customer.averageValue());
    }

    /**
     * Returns the expected value of the customer's future transactions, given their past
     * ones; a customer without repeat purchases gets the population mean.
     *
     * @param frequency the number of repeat purchases x, {@code >= 0}
     * @param averageValue their mean value m: {@code > 0} when frequency is positive, ignored
     *     (and may be 0) when it is 0
     * @return the expected value per transaction
     * @throws UndefinedKpiException where the model gives no finite mean (see the class note)
     * @throws dev.cskit.core.InvalidInputException if frequency is negative
     * @throws dev.cskit.core.InvalidInputException if frequency is positive and averageValue
     *     is not finite and positive, or frequency is 0 and averageValue is negative
     */
    public double expectedAverageValue(int frequency, double averageValue) {
        Checks.require(frequency >= 0, "frequency", frequency, ">= 0");
        if (frequency == 0) {
            Checks.nonNegative("averageValue", averageValue);
            return populationMeanValue();
        }
        Checks.positive("averageValue", averageValue);

        double p = parameters.p();
        double px = p * frequency;
        double shape = px + parameters.q() - 1;
        if (shape <= 0) {
            throw new UndefinedKpiException("the Gamma-Gamma expectation is infinite for"
                    + " p x + q - 1 = " + shape + " <= 0");
        }
        return p * (parameters.gamma() + frequency * averageValue) / shape;
    }

    static double logLikelihood(double p, double q, double gamma, SpendSummary customer) {
        int x = customer.frequency();
        double m = customer.averageValue();
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q)
                + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x)
                - (px + q) * Math.log(gamma + x * m);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GammaGammaModel
                && ((GammaGammaModel) other).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "GammaGammaModel" + parameters;
    }
}
