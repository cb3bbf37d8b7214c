package dev.cskit.kpi.clv;

import java.util.List;
import java.util.Objects;

/**
 * One customer's projected lifetime value with the parts it is made of, so that the number
 * can be explained: the expected value per transaction, and per month the expected number of
 * purchases and their discounted value.
 *
 * <p>Made by {@link CustomerLifetimeValue#estimate}. Month {@code i} (1-based) sits at index
 * {@code i - 1} of both lists; {@code value} is the sum of {@code discountedValues}.
 * Immutable.
 *
 * @param value the discounted lifetime value over the horizon, in the spend data's currency
 *     unit, {@code >= 0}
 * @param expectedAverageValue the expected value per future transaction (Gamma-Gamma)
 * @param expectedPurchases the expected number of purchases in each month (BG/NBD)
 * @param discountedValues each month's expected purchases times the expected value per
 *     transaction, divided by {@code (1 + d)^i}
 * @param settings the settings the value was projected with
 */
public record LifetimeValue(double value, double expectedAverageValue,
        List<Double> expectedPurchases, List<Double> discountedValues, ClvSettings settings) {

    /**
     * Validates the parts and copies the lists.
     *
     * @param value the discounted lifetime value over the horizon, in the spend data's currency
     *     unit, {@code >= 0}
     * @param expectedAverageValue the expected value per future transaction (Gamma-Gamma)
     * @param expectedPurchases the expected number of purchases in each month (BG/NBD)
     * @param discountedValues each month's expected purchases times the expected value per
     *     transaction, divided by {@code (1 + d)^i}
     * @param settings the settings the value was projected with
     * @throws NullPointerException if a list or the settings are null
     */
    public LifetimeValue {
        expectedPurchases = List.copyOf(expectedPurchases);
        discountedValues = List.copyOf(discountedValues);
        Objects.requireNonNull(settings, "settings");
    }
}
