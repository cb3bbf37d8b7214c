package dev.cskit.kpi;

import java.math.BigDecimal;

/**
 * Customer (logo) churn and retention over a period, with every count behind the two rates.
 *
 * <p>A customer is paying while its MRR is above zero. With {@code S} the customers paying at
 * the start, {@code E} those paying at the end and {@code N} those paying at the end who were
 * not at the start (new or returned):
 * <ul>
 *   <li>{@link #retentionRate()} is the customer retention rate {@code CRR = (E - N) / S}: the
 *       share of the starting customers still paying at the end. It does not depend on the
 *       policy's same-period choices.</li>
 *   <li>{@link #churnRate()} is churned customers over the policy's denominator ({@code S}, or
 *       {@code S} plus every start of paying in the period). Who counts as churned follows the
 *       {@link ChurnPolicy}; see there which vendor each choice reproduces.</li>
 * </ul>
 * Under the default policy {@code churnRate = 1 - retentionRate}.
 *
 * @param period the period
 * @param policy the policy the counts follow
 * @param atStart {@code S}: customers paying at the start
 * @param atEnd {@code E}: customers paying at the end
 * @param retained customers paying at the start and at the end, {@code E - N}
 * @param newCustomers customers who paid for the first time, as counted by the policy
 * @param reactivations times a customer started paying again, as counted by the policy
 * @param churned times a customer stopped paying, as counted by the policy
 * @param joinedAndChurned customers not paying at the start nor the end who paid within the
 *     period (counted or excluded by the policy, reported either way)
 */
public record CustomerRetention(Period period, ChurnPolicy policy, long atStart, long atEnd,
        long retained, long newCustomers, long reactivations, long churned,
        long joinedAndChurned) {

    /** @return {@code N}: customers paying at the end who were not paying at the start */
    public long newAtEnd() {
        return atEnd - retained;
    }

    /** @return the customer retention rate {@code (E - N) / S}, undefined when S is 0 */
    public Ratio retentionRate() {
        return Ratio.of(atEnd - newAtEnd(), atStart, "no customers at the start of " + period);
    }

    /** @return the policy's denominator for the churn rate */
    public long churnDenominator() {
        return policy.denominator() == ChurnPolicy.Denominator.CUSTOMERS_AT_START ? atStart
                : atStart + newCustomers + reactivations;
    }

    /** @return churned over the policy's denominator, undefined when it is 0 */
    public Ratio churnRate() {
        return Ratio.of(BigDecimal.valueOf(churned), BigDecimal.valueOf(churnDenominator()),
                "no customers to churn in " + period);
    }
}
