package dev.cskit.kpi;

import dev.cskit.core.Money;

/**
 * What the customers paying at the start of a period still pay at its end: gross and net
 * revenue retention, computed on that starting cohort only.
 *
 * <p>For each customer paying at the start, with MRR {@code s} at the start and {@code e} at
 * the end: {@code kept = min(s, e)}. GRR is {@code sum(kept) / sum(s)}, in [0, 1]; NRR is
 * {@code sum(e) / sum(s)}, at least 0. Customers who join during the period do not count, and
 * changes within the period net out per customer, so the figures do not depend on the churn
 * policy's same-period choices (only on its recognition rule).
 *
 * @param period the period
 * @param startMrr the MRR of the customers paying at the start
 * @param keptMrr of that MRR, what the same customers still pay at the end, capped per
 *     customer at what they paid at the start
 * @param endMrr what the same customers pay at the end
 */
public record RevenueRetention(Period period, Money startMrr, Money keptMrr, Money endMrr) {

    /** @return {@code keptMrr / startMrr}, undefined when the period starts without MRR */
    public Ratio grossRevenueRetention() {
        return Ratio.of(keptMrr.toBigDecimal(), startMrr.toBigDecimal(),
                "no MRR at the start of " + period);
    }

    /** @return {@code endMrr / startMrr}, undefined when the period starts without MRR */
    public Ratio netRevenueRetention() {
        return Ratio.of(endMrr.toBigDecimal(), startMrr.toBigDecimal(),
                "no MRR at the start of " + period);
    }
}
