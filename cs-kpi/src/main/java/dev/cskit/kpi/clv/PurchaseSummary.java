package dev.cskit.kpi.clv;

/**
 * What the purchase models need to know about one customer: how many repeat purchases they
 * made, when the last one was, and how long they have been a customer.
 *
 * <p>All three are measured from the customer's first purchase, which is not counted:
 * {@code frequency} (x) is the number of repeat purchases in the observation period
 * (purchases on the same day, or in the same time unit, count once); {@code recency}
 * (t<sub>x</sub>) is the time from the first purchase to the last repeat purchase, 0 when
 * there is none; {@code age} (T) is the time from the first purchase to the end of the
 * observation period.
 *
 * <p>Recency and age are in one time unit of the caller's choosing (weeks in the CDNOW
 * examples); a model fitted on these summaries then speaks that unit, and horizons passed to
 * it are in the same unit.
 *
 * <p>Instances are immutable and validated when built: frequency {@code >= 0},
 * {@code 0 <= recency <= age}, {@code age > 0} and finite, and recency 0 when frequency is 0;
 * a violation throws {@link dev.cskit.core.InvalidInputException} naming the field, the value
 * and the rule.
 *
 * @param frequency the number of repeat purchases x, {@code >= 0}
 * @param recency the time of the last repeat purchase t<sub>x</sub>, in {@code [0, age]}
 * @param age the time from the first purchase to the end of observation T, {@code > 0}
 */
public record PurchaseSummary(int frequency, double recency, double age) {

    /**
     * Validates the summary.
     *
     * @param frequency the number of repeat purchases x, {@code >= 0}
     * @param recency the time of the last repeat purchase t<sub>x</sub>, in {@code [0, age]}
     * @param age the time from the first purchase to the end of observation T, {@code > 0}
     * @throws dev.cskit.core.InvalidInputException if frequency is negative
     * @throws dev.cskit.core.InvalidInputException if age is not finite and positive
     * @throws dev.cskit.core.InvalidInputException if recency is outside {@code [0, age]}
     * @throws dev.cskit.core.InvalidInputException if frequency is 0 and recency is not 0
     */
    public PurchaseSummary {
        Checks.require(frequency >= 0, "PurchaseSummary.frequency", frequency, ">= 0");
        Checks.positive("PurchaseSummary.age", age);
        Checks.require(Double.isFinite(recency) && recency >= 0 && recency <= age,
                "PurchaseSummary.recency", recency, "between 0 and age (" + age + ")");
        Checks.require(frequency > 0 || recency == 0, "PurchaseSummary.recency", recency,
                "0 when frequency is 0");
    }

    /**
     * Creates a summary; the same as the constructor.
     *
     * @param frequency the number of repeat purchases x
     * @param recency the time of the last repeat purchase t<sub>x</sub>
     * @param age the time from the first purchase to the end of observation T
     * @return the validated summary
     * @throws dev.cskit.core.InvalidInputException as the constructor
     */
    public static PurchaseSummary of(int frequency, double recency, double age) {
        return new PurchaseSummary(frequency, recency, age);
    }
}
