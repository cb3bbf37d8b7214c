package dev.cskit.kpi.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Predictive customer lifetime value: the BG/NBD purchase model and the Gamma-Gamma spend
 * model combined into a discounted value over a horizon in months.
 *
 * <p>The formula is the discounted cash flow used by the lifetimes library's
 * {@code customer_lifetime_value}: with {@code k} model time units per month, monthly
 * discount rate {@code d}, horizon {@code H} months and {@code E(t)} the BG/NBD expected
 * purchases in the next {@code t} time units,
 * <pre>
 *   CLV = sum_{i = 1..H} (E(i k) - E((i - 1) k)) * m' / (1 + d)^i
 * </pre>
 * where {@code m'} is the Gamma-Gamma expected value per transaction given the customer's
 * frequency and mean value. Purchases are counted in the month they fall in and discounted at
 * that month's end. A customer without repeat purchases gets the population mean value
 * {@code p gamma / (q - 1)} as {@code m'}.
 *
 * <p>Units: the purchase model's time unit is whatever it was fitted in (weeks for CDNOW);
 * {@link ClvSettings#periodsPerMonth()} converts months to it. The value is in the spend
 * model's currency unit; if the spend data is revenue, multiply by a margin to get profit.
 *
 * <p>Note: nothing after month {@code H} counts; for the value of the whole relationship
 * choose a horizon long enough that further months add little at your discount rate. The
 * models' uncertainty is not carried into the value: it is a point estimate at the fitted
 * parameters.
 */
public final class CustomerLifetimeValue {

    private CustomerLifetimeValue() {
    }

    /**
     * Projects one customer's lifetime value.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model
     * @param history the customer's purchase summary, in the purchase model's time unit
     * @param averageValue the mean value of the customer's repeat purchases: {@code > 0} when
     *     they have any, ignored (and may be 0) when the frequency is 0
     * @param settings the horizon, discount rate and time units per month
     * @return the value with its monthly parts
     * @throws dev.cskit.core.InvalidInputException if averageValue breaks the rule above
     * @throws NullPointerException if a model, the history or the settings are null
     */
    public static LifetimeValue estimate(BgNbdModel purchases, GammaGammaModel spend,
            PurchaseSummary history, double averageValue, ClvSettings settings) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(settings, "settings");
        double perTransaction = spend.expectedAverageValue(history.frequency(), averageValue);

        // Month by month: the purchases expected in the month, valued and discounted.
        List<Double> monthly = new ArrayList<>();
        List<Double> discounted = new ArrayList<>();
        double previous = 0;
        double total = 0;
        for (int month = 1; month <= settings.horizonMonths(); month++) {
            double cumulative = purchases.expectedPurchases(history,
                    month * settings.periodsPerMonth());
            double inMonth = Math.max(0, cumulative - previous);
            double value = inMonth * perTransaction
                    / Math.pow(1 + settings.monthlyDiscountRate(), month);
            monthly.add(inMonth);
            discounted.add(value);
            total += value;
            previous = Math.max(previous, cumulative);
        }
        return new LifetimeValue(total, perTransaction, monthly, discounted, settings);
    }

    /**
     * Projects one customer's lifetime value with the {@link ClvSettings#defaults() default}
     * settings: 12 months, 1 % a month, a purchase model fitted in weeks.
     *
     * @param purchases the fitted purchase model, in weeks
     * @param spend the fitted spend model
     * @param history the customer's purchase summary, in weeks
     * @param averageValue the mean value of the customer's repeat purchases (see
     *     {@link #estimate(BgNbdModel, GammaGammaModel, PurchaseSummary, double, ClvSettings)})
     * @return the value with its monthly parts
     * @throws dev.cskit.core.InvalidInputException if averageValue is invalid
     */
    public static LifetimeValue estimate(BgNbdModel purchases, GammaGammaModel spend,
            PurchaseSummary history, double averageValue) {
        return estimate(purchases, spend, history, averageValue, ClvSettings.defaults());
    }
}
