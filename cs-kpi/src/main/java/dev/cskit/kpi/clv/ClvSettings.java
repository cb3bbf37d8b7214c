package dev.cskit.kpi.clv;

import org.immutables.value.Value;

/**
 * How a customer lifetime value is projected: over how many months, at what monthly discount
 * rate, and how many of the purchase model's time units make a month.
 *
 * <p>Defaults: 12 months, a monthly discount rate of 0.01 (1 % a month, about 12.7 % a year)
 * and 4.345 time units per month, which is right for a purchase model fitted in weeks
 * (52.14 weeks / 12). For a model fitted in days use 30 (the convention of the lifetimes
 * library), in months 1.
 *
 * <p>Immutable and validated when built: {@code horizonMonths >= 1}, {@code 0 <=
 * monthlyDiscountRate} (finite), {@code periodsPerMonth > 0} (finite); a violation throws
 * {@link dev.cskit.core.InvalidInputException}.
 *
 * <pre>{@code
 * ClvSettings settings = ClvSettings.builder().horizonMonths(24).monthlyDiscountRate(0.008)
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ClvSettings {

    /**
     * Returns the number of months to project, {@code >= 1}; default 12.
     *
     * @return the horizon in months
     */
    @Value.Default
    public int horizonMonths() {
        return 12;
    }

    /**
     * Returns the discount rate per month, {@code >= 0}; default 0.01.
     *
     * @return the monthly discount rate as a fraction
     */
    @Value.Default
    public double monthlyDiscountRate() {
        return 0.01;
    }

    /**
     * Returns how many time units of the purchase model make one month, {@code > 0}; default
     * 4.345 (weeks).
     *
     * @return the model's time units per month
     */
    @Value.Default
    public double periodsPerMonth() {
        return 4.345;
    }

    /**
     * Returns the default settings: 12 months, 1 % a month, weeks.
     *
     * @return the defaults
     */
    public static ClvSettings defaults() {
        return builder().build();
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        Checks.require(horizonMonths() >= 1, "ClvSettings.horizonMonths", horizonMonths(),
                ">= 1");
        Checks.nonNegative("ClvSettings.monthlyDiscountRate", monthlyDiscountRate());
        Checks.positive("ClvSettings.periodsPerMonth", periodsPerMonth());
    }

    /** Builds {@link ClvSettings}; unset values keep their defaults. */
    public static final class Builder extends ImmutableClvSettings.Builder {
    }
}
