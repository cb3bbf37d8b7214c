package dev.cskit.kpi;

import dev.cskit.kpi.internal.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate or share kept as its exact parts: a numerator, a denominator and, for a zero
 * denominator, the reason the rate is not defined.
 *
 * <p>{@link #value()} divides with 34 significant digits ({@link
 * java.math.MathContext#DECIMAL128}); the parts themselves are exact, so a caller who needs
 * another precision divides them. Two ratios are equal when their parts are equal in value.
 * Immutable and thread-safe.
 */
public final class Ratio {

    private final BigDecimal numerator;
    private final BigDecimal denominator;
    private final String undefinedReason;

    private Ratio(BigDecimal numerator, BigDecimal denominator, String undefinedReason) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.undefinedReason = undefinedReason;
    }

    /**
     * Returns {@code numerator / denominator}.
     *
     * @param numerator the numerator
     * @param denominator the denominator; zero makes the ratio undefined
     * @param whenZero why the ratio is undefined when the denominator is zero, in words
     *     ("no customers at the start of the period")
     * @return the ratio
     */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator, String whenZero) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        Objects.requireNonNull(whenZero, "whenZero");
        return new Ratio(numerator, denominator, denominator.signum() == 0 ? whenZero : null);
    }

    /**
     * Returns {@code numerator / denominator} of whole numbers.
     *
     * @param numerator the numerator
     * @param denominator the denominator; zero makes the ratio undefined
     * @param whenZero why the ratio is undefined when the denominator is zero
     * @return the ratio
     */
    public static Ratio of(long numerator, long denominator, String whenZero) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), whenZero);
    }

    /** @return the numerator, exact */
    public BigDecimal numerator() {
        return numerator;
    }

    /** @return the denominator, exact */
    public BigDecimal denominator() {
        return denominator;
    }

    /** @return whether the denominator is not zero */
    public boolean isDefined() {
        return undefinedReason == null;
    }

    /**
     * Returns the quotient.
     *
     * @return {@code numerator / denominator} to 34 significant digits
     * @throws UndefinedKpiException if the denominator is zero; the message gives the reason
     */
    public BigDecimal value() {
        if (undefinedReason != null) {
            throw new UndefinedKpiException(undefinedReason);
        }
        return Decimals.divide(numerator, denominator);
    }

    /** @return why the ratio is not defined; empty when it is defined */
    public Optional<String> reason() {
        return Optional.ofNullable(undefinedReason);
    }

    /** @return the quotient as a {@link KpiValue}, undefined with the same reason */
    public KpiValue toKpiValue() {
        return isDefined() ? KpiValue.of(value()) : KpiValue.undefined(undefinedReason);
    }

    /**
     * Formats the quotient as a percentage rounded half-up, such as {@code "12.5%"}, or
     * {@code "undefined (reason)"}.
     *
     * @param decimals the decimals of the percentage to show
     * @return the text
     */
    public String format(int decimals) {
        if (undefinedReason != null) {
            return "undefined (" + undefinedReason + ")";
        }
        return value().movePointRight(2).setScale(decimals, RoundingMode.HALF_UP).toPlainString()
                + "%";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Ratio)) {
            return false;
        }
        Ratio that = (Ratio) other;
        return numerator.compareTo(that.numerator) == 0
                && denominator.compareTo(that.denominator) == 0;
    }

    @Override
    public int hashCode() {
        return numerator.stripTrailingZeros().hashCode() * 31
                + denominator.stripTrailingZeros().hashCode();
    }

    /** @return {@code "numerator / denominator"} */
    @Override
    public String toString() {
        return numerator.toPlainString() + " / " + denominator.toPlainString();
    }
}
