package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * How MRR moved over a period: {@code start + new + expansion + reactivation - contraction -
 * churn = end}, exactly, in minor units. The constructor refuses parts that do not balance.
 *
 * <p>The movements are counted per customer (the sum over the customer's subscriptions), so a
 * customer who cancels one of two subscriptions contracts and does not churn; new is a
 * customer's first MRR ever, reactivation MRR after having stopped paying. How same-period
 * joiners and returns are counted follows the {@link ChurnPolicy} used to compute the bridge.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param start the MRR just before the period starts
 * @param newMrr the MRR of customers paying for the first time
 * @param expansion the MRR increases of customers who were paying
 * @param reactivation the MRR of customers paying again
 * @param contraction the MRR decreases of customers who keep paying
 * @param churn the MRR of customers who stopped paying
 * @param end the MRR just before the period ends
 */
public record MrrBridge(Period period, Money start, Money newMrr, Money expansion,
        Money reactivation, Money contraction, Money churn, Money end) {

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if a part is missing, currencies differ, a movement is
     *     negative or the bridge does not balance
     */
    public MrrBridge {
        Objects.requireNonNull(period, "period");
        Currency currency = start.currency();
        for (Money movement : new Money[] {newMrr, expansion, reactivation, contraction, churn}) {
            if (!movement.currency().equals(currency) || movement.signum() < 0) {
                throw new InvalidInputException("bridge.movement", movement,
                        "must be a non-negative amount in " + currency);
            }
        }
        Money computed = start.plus(newMrr).plus(expansion).plus(reactivation)
                .minus(contraction).minus(churn);
        if (!computed.equals(end)) {
            throw new InvalidInputException("bridge.end", end, "must equal start + new + "
                    + "expansion + reactivation - contraction - churn = " + computed);
        }
    }

    /** @return {@code end - start} */
    public Money netChange() {
        return end.minus(start);
    }

    /**
     * Gross MRR churn rate, ChartMogul's standard formula: {@code (churn + contraction) /
     * start}.
     *
     * <p>Note: churn and contraction include those of customers who joined during the period
     * (when the policy counts them), so the rate can exceed 1 in a period of large same-period
     * churn; {@link RevenueRetention#grossRevenueRetention()} is the bounded view.
     *
     * @return the rate, undefined when the period starts without MRR
     */
    public Ratio grossMrrChurnRate() {
        return Ratio.of(churn.plus(contraction).toBigDecimal(), start.toBigDecimal(),
                "no MRR at the start of " + period);
    }

    /**
     * Net MRR churn rate, ChartMogul's standard formula: {@code (churn + contraction -
     * expansion - reactivation) / start}; negative when gains outweigh losses.
     *
     * @return the rate, undefined when the period starts without MRR
     */
    public Ratio netMrrChurnRate() {
        Money net = churn.plus(contraction).minus(expansion).minus(reactivation);
        return Ratio.of(net.toBigDecimal(), start.toBigDecimal(),
                "no MRR at the start of " + period);
    }

    /**
     * Joins this bridge with the one of the period that directly follows: the movements add
     * up, the start is this start and the end the other's end.
     *
     * @param next the bridge of the next period
     * @return the bridge of both periods
     * @throws InvalidInputException if {@code next} does not start where this one ends
     */
    public MrrBridge followedBy(MrrBridge next) {
        if (!next.period.start().equals(period.end()) || !next.start.equals(end)) {
            throw new InvalidInputException("next.period", next.period,
                    "must start at " + period.end() + " with MRR " + end);
        }
        return new MrrBridge(new Period(period.start(), next.period.end()), start,
                newMrr.plus(next.newMrr), expansion.plus(next.expansion),
                reactivation.plus(next.reactivation), contraction.plus(next.contraction),
                churn.plus(next.churn), next.end);
    }
}
