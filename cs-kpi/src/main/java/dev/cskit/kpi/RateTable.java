package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Exchange rates into one reporting currency, supplied by the caller: how many units of the
 * reporting currency one unit of each other currency is worth.
 *
 * <p>KPI functions never mix currencies silently: without a rate table, inputs in more than
 * one currency are refused; with one, every amount is converted into the reporting currency
 * (see {@link #convert(Money)}). A currency missing from the table is refused, naming it.
 * Immutable and thread-safe.
 */
public final class RateTable {

    private final Currency reporting;
    private final Map<Currency, BigDecimal> rates;

    private RateTable(Currency reporting, Map<Currency, BigDecimal> rates) {
        this.reporting = reporting;
        this.rates = rates;
    }

    /**
     * Returns a rate table.
     *
     * @param reporting the currency every amount is converted into
     * @param rates per other currency, the reporting-currency value of one major unit
     *     ({@code EUR -> 1.08} when reporting in USD); positive
     * @return the table
     * @throws InvalidInputException if a rate is not positive
     */
    public static RateTable of(Currency reporting, Map<Currency, BigDecimal> rates) {
        Objects.requireNonNull(reporting, "reporting");
        Map<Currency, BigDecimal> copy = new HashMap<>();
        for (Map.Entry<Currency, BigDecimal> rate : rates.entrySet()) {
            if (rate.getValue() == null || rate.getValue().signum() <= 0) {
                throw new InvalidInputException("rates." + rate.getKey(), rate.getValue(),
                        "must be a positive rate");
            }
            copy.put(rate.getKey(), rate.getValue());
        }
        copy.put(reporting, BigDecimal.ONE);
        return new RateTable(reporting, Map.copyOf(copy));
    }

    /** @return the currency every amount is converted into */
    public Currency reporting() {
        return reporting;
    }

    /**
     * Converts an amount into the reporting currency, rounding half to even to a minor unit of
     * the reporting currency.
     *
     * @param amount the amount
     * @return the amount in the reporting currency
     * @throws InvalidInputException if the table has no rate for the amount's currency
     */
    public Money convert(Money amount) {
        if (amount.currency().equals(reporting)) {
            return amount;
        }
        BigDecimal rate = rates.get(amount.currency());
        if (rate == null) {
            throw new InvalidInputException("currency", amount.currencyCode(),
                    "has no rate into " + reporting + " in the rate table");
        }
        int digits = Math.max(0, reporting.getDefaultFractionDigits());
        BigDecimal converted = amount.toBigDecimal().multiply(rate)
                .setScale(digits, RoundingMode.HALF_EVEN);
        return Money.of(converted, reporting);
    }
}
