package dev.cskit.kpi.clv;

/**
 * What the Gamma-Gamma spend model needs to know about one customer: the number of repeat
 * purchases and their mean value.
 *
 * <p>{@code averageValue} is the arithmetic mean of the values of the repeat purchases (the
 * first purchase is left out, as for {@link PurchaseSummary#frequency()}), in one currency
 * unit of the caller's choosing. It may be revenue or margin; the model's predictions are in
 * the same unit.
 *
 * <p>Instances are immutable and validated when built: frequency {@code >= 1} and average
 * value finite and {@code > 0}; a violation throws
 * {@link dev.cskit.core.InvalidInputException}.
 *
 * <p>Note: the Gamma-Gamma model assumes that the spend per transaction is independent of the
 * purchase frequency; check the correlation of the two on your data before relying on it.
 *
 * @param frequency the number of repeat purchases x, {@code >= 1}
 * @param averageValue the mean value of those purchases, {@code > 0}
 */
public record SpendSummary(int frequency, double averageValue) {

    /**
     * Validates the summary.
     *
     * @param frequency the number of repeat purchases x, {@code >= 1}
     * @param averageValue the mean value of those purchases, {@code > 0}
     * @throws dev.cskit.core.InvalidInputException if frequency is below 1
     * @throws dev.cskit.core.InvalidInputException if averageValue is not finite and positive
     */
    public SpendSummary {
        Checks.require(frequency >= 1, "SpendSummary.frequency", frequency, ">= 1");
        Checks.positive("SpendSummary.averageValue", averageValue);
    }

    /**
     * Creates a summary; the same as the constructor.
     *
     * @param frequency the number of repeat purchases, at least 1
     * @param averageValue the mean value of those purchases
     * @return the validated summary
     * @throws dev.cskit.core.InvalidInputException as the constructor
     */
    public static SpendSummary of(int frequency, double averageValue) {
        return new SpendSummary(frequency, averageValue);
    }
}
