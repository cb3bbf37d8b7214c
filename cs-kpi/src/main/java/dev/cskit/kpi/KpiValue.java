package dev.cskit.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A KPI value that may be undefined: either a number, kept at full precision, or the reason
 * why there is no number (an empty survey, a zero churn rate under a lifetime).
 *
 * <p>Immutable and thread-safe. Rounding happens only in {@link #format(int)}.
 */
public final class KpiValue {

    private final BigDecimal value;
    private final String reason;

    private KpiValue(BigDecimal value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    /**
     * Returns a defined value.
     *
     * @param value the number
     * @return the value
     */
    public static KpiValue of(BigDecimal value) {
        return new KpiValue(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * Returns an undefined value.
     *
     * @param reason why there is no number, in words
     * @return the undefined value
     */
    public static KpiValue undefined(String reason) {
        return new KpiValue(null, Objects.requireNonNull(reason, "reason"));
    }

    /** @return whether there is a number */
    public boolean isDefined() {
        return value != null;
    }

    /**
     * Returns the number.
     *
     * @return the number at full precision
     * @throws UndefinedKpiException if the value is not defined; the message gives the reason
     */
    public BigDecimal value() {
        if (value == null) {
            throw new UndefinedKpiException(reason);
        }
        return value;
    }

    /** @return why the value is not defined; empty when it is defined */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Formats the value rounded half-up to a number of decimals, or {@code "undefined (reason)"}.
     *
     * @param decimals the decimals to show
     * @return the text
     */
    public String format(int decimals) {
        if (value == null) {
            return "undefined (" + reason + ")";
        }
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof KpiValue)) {
            return false;
        }
        KpiValue that = (KpiValue) other;
        return value == null ? that.value == null && reason.equals(that.reason)
                : that.value != null && value.compareTo(that.value) == 0;
    }

    @Override
    public int hashCode() {
        return value == null ? reason.hashCode() : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value == null ? "undefined (" + reason + ")" : value.toPlainString();
    }
}
