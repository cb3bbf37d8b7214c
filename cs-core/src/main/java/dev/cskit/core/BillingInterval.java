package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How often a subscription is billed: every {@code count} weeks, months, quarters or years.
 *
 * <p>{@link #monthlyFactor()} turns a price per interval into a monthly amount:
 * <pre>
 * WEEK     x 52 / 12 / count
 * MONTH    x  1      / count
 * QUARTER  x  1 /  3 / count
 * YEAR     x  1 / 12 / count
 * </pre>
 * So 120.00 every 2 years is 5.00 a month, and 10.00 a week is 43.33 a month.
 *
 * @param unit the unit
 * @param count how many units make one interval, at least 1
 */
public record BillingInterval(Unit unit, int count) {

    /** The unit of a billing interval. */
    public enum Unit {
        /** Seven days. */
        WEEK,
        /** A calendar month. */
        MONTH,
        /** Three calendar months. */
        QUARTER,
        /** A calendar year. */
        YEAR
    }

    /** Every month. */
    public static final BillingInterval MONTHLY = new BillingInterval(Unit.MONTH, 1);

    /** Every week. */
    public static final BillingInterval WEEKLY = new BillingInterval(Unit.WEEK, 1);

    /** Every quarter. */
    public static final BillingInterval QUARTERLY = new BillingInterval(Unit.QUARTER, 1);

    /** Every year. */
    public static final BillingInterval YEARLY = new BillingInterval(Unit.YEAR, 1);

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if the unit is missing or the count is below 1
     */
    @JsonCreator
    public BillingInterval(@JsonProperty("unit") Unit unit, @JsonProperty("count") int count) {
        if (unit == null) {
            throw new InvalidInputException("interval.unit", null,
                    "is required (WEEK, MONTH, QUARTER or YEAR)");
        }
        if (count < 1) {
            throw new InvalidInputException("interval.count", count, "must be at least 1");
        }
        this.unit = unit;
        this.count = count;
    }

    /**
     * Returns an interval of {@code count} units.
     *
     * @param count how many units, at least 1
     * @param unit the unit
     * @return the interval
     */
    public static BillingInterval every(int count, Unit unit) {
        return new BillingInterval(Objects.requireNonNull(unit, "unit"), count);
    }

    /**
     * Returns the factor that turns a price per interval into a monthly amount, as an exact
     * fraction {@code {numerator, denominator}}.
     *
     * @return the numerator and the denominator, both positive
     */
    public long[] monthlyFactor() {
        switch (unit) {
            case WEEK:
                return new long[] {52, 12L * count};
            case MONTH:
                return new long[] {1, count};
            case QUARTER:
                return new long[] {1, 3L * count};
            case YEAR:
                return new long[] {1, 12L * count};
            default:
                throw new AssertionError(unit);
        }
    }

    /**
     * Returns the monthly amount of a price per interval, rounded half to even to a minor unit.
     *
     * @param pricePerInterval the price of one interval
     * @return the monthly amount
     */
    public Money monthly(Money pricePerInterval) {
        long[] factor = monthlyFactor();
        return pricePerInterval.scale(factor[0], factor[1]);
    }
}
