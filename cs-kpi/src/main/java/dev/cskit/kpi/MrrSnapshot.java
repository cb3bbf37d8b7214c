package dev.cskit.kpi;

import dev.cskit.core.Money;
import java.time.Instant;

/**
 * The MRR in force just before an instant, with the discount as its own named measure.
 *
 * <p>{@code listMrr} is the MRR before discounts ({@link dev.cskit.core.Subscription#listMrr()}),
 * {@code mrr} after them ({@link dev.cskit.core.Subscription#mrr()}); {@link #discount()} is
 * the difference. {@code payingCustomers} counts customers whose MRR is above zero.
 *
 * @param at the instant
 * @param mrr the MRR after discounts
 * @param listMrr the MRR before discounts
 * @param payingCustomers the customers with MRR above zero
 */
public record MrrSnapshot(Instant at, Money mrr, Money listMrr, long payingCustomers) {

    /** @return the monthly value of discounts: list MRR minus MRR */
    public Money discount() {
        return listMrr.minus(mrr);
    }

    /** @return the share of list MRR given away as discounts, undefined without list MRR */
    public Ratio discountRate() {
        return Ratio.of(discount().toBigDecimal(), listMrr.toBigDecimal(), "no list MRR");
    }

    /**
     * Average revenue per account: MRR divided by paying customers.
     *
     * @return the ARPA in major units of the currency, undefined without paying customers
     */
    public Ratio arpa() {
        return Ratio.of(mrr.toBigDecimal(), java.math.BigDecimal.valueOf(payingCustomers),
                "no paying customers at " + at);
    }
}
