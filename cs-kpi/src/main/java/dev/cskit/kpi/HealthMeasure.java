package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.kpi.internal.Decimals;
import java.math.BigDecimal;

/**
 * One measure of a health score: its weight and the two thresholds that normalise an
 * observed value onto 0 to 100.
 *
 * <p>Normalisation is linear between the thresholds and clipped outside them: a value at or
 * beyond {@code poor} scores 0, at or beyond {@code good} scores 100. When {@code good} is
 * above {@code poor} higher values are better (logins per week); when below, lower values
 * are better (open tickets). For example, poor = 0 and good = 10 logins a week: 4 logins
 * score {@code 100 x (4 - 0) / (10 - 0) = 40}.
 *
 * @param name the measure's name, unique within a model
 * @param weight its weight, positive; weights need not sum to anything
 * @param poor the value that scores 0
 * @param good the value that scores 100, different from {@code poor}
 */
public record HealthMeasure(String name, BigDecimal weight, BigDecimal poor, BigDecimal good) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if a part is missing, the weight is not positive or the
     *     thresholds are equal
     */
    public HealthMeasure {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("measure.name", name, "must not be blank");
        }
        if (weight == null || weight.signum() <= 0) {
            throw new InvalidInputException("measure.weight", weight, "must be positive");
        }
        if (poor == null || good == null || poor.compareTo(good) == 0) {
            throw new InvalidInputException("measure.good", good,
                    "must differ from poor " + poor);
        }
    }

    /**
     * Normalises an observed value.
     *
     * @param observed the value
     * @return the score, from 0 to 100
     */
    public BigDecimal normalise(BigDecimal observed) {
        BigDecimal share = Decimals.divide(observed.subtract(poor), good.subtract(poor));
        if (share.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (share.compareTo(BigDecimal.ONE) >= 0) {
            return HUNDRED;
        }
        return share.multiply(HUNDRED);
    }
}
