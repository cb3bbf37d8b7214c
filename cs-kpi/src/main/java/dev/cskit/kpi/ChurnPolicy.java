package dev.cskit.kpi;

import org.immutables.value.Value;

/**
 * How churn is counted: the four choices on which subscription analytics vendors differ,
 * written down so that a number can be compared with the vendor's.
 *
 * <p>The policy applies to customer churn and retention ({@link Retention}) and to MRR
 * movements ({@link Revenue}) alike, so the logo view and the revenue view of a period always
 * agree on who churned. The default ({@link #STANDARD}, also {@code builder().build()}) is
 * ChartMogul's standard (B2B) customer churn formula.
 *
 * <table>
 *   <caption>The options and the vendor conventions they reproduce</caption>
 *   <tr><th>choice</th><th>option</th><th>reproduces</th></tr>
 *   <tr><td>{@link Denominator}</td><td>{@code CUSTOMERS_AT_START} (default)</td>
 *       <td>ChartMogul standard formula ("total number of customers at start of period");
 *       Baremetrics ("active customers 30 days ago")</td></tr>
 *   <tr><td></td><td>{@code CUSTOMERS_AT_START_PLUS_NEW}</td>
 *       <td>Stripe Billing ("active subscribers as of 30 days ago, plus any new subscribers
 *       in those 30 days")</td></tr>
 *   <tr><td>{@link JoinAndChurn}</td><td>{@code EXCLUDE} (default)</td>
 *       <td>ChartMogul standard formula ("excluding any customers who both joined &amp;
 *       churned in the period"); ProfitWell/Paddle ("does not count users who are new and
 *       then churn in the same month")</td></tr>
 *   <tr><td></td><td>{@code COUNT}</td>
 *       <td>Stripe Billing ("include that churned subscriber in both the numerator and
 *       denominator"); Baremetrics (customers who sign up and cancel within the same window
 *       are included in the churn rate); Chargify/Maxio MRR ("factored into both new MRR and
 *       churn")</td></tr>
 *   <tr><td>{@link ChurnThenReactivation}</td><td>{@code NET} (default)</td>
 *       <td>no vendor documents it; the customer is treated as never having left, so a
 *       customer churns at most once per period</td></tr>
 *   <tr><td></td><td>{@code COUNT}</td>
 *       <td>Stripe Billing (a returning customer counts as a subscriber again, and ending
 *       again counts as a second churn); ProfitWell/Paddle (a customer who churns and comes
 *       back "within any period in time" is a reactivation)</td></tr>
 *   <tr><td>{@link Recognition}</td><td>{@code END_OF_PAID_PERIOD} (default)</td>
 *       <td>ChartMogul "at the end of the final service period" (the default in its churn
 *       recognition article); ProfitWell/Paddle ("we recognize the MRR of a customer until
 *       the end of their billing cycle")</td></tr>
 *   <tr><td></td><td>{@code AT_CANCELLATION}</td>
 *       <td>ChartMogul "when the subscription is marked as canceled"; Chargify/Maxio ("the
 *       MRR of a subscription is removed at the time of cancellation")</td></tr>
 * </table>
 *
 * <p>Sources: help.chartmogul.com "Metric: Customer Churn rate" and "Churn recognition";
 * help.baremetrics.com "User and Revenue Churn" and changelog.baremetrics.com "Churn
 * Update"; support.stripe.com "Calculating churn rate in Billing"; paddle.com/help
 * "Are cancellations in the first month counted as churn?" and "ProfitWell vs. Chargify".
 *
 * <p>Note: with {@code CUSTOMERS_AT_START} and either {@code COUNT} option, churned customers
 * may outnumber the customers at the start (as in Baremetrics), so the customer churn rate can
 * exceed 1. The default and the {@link #STRIPE} policy keep it within [0, 1].
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ChurnPolicy {

    /** What the customer churn rate divides by. */
    public enum Denominator {
        /** The customers paying at the start of the period. */
        CUSTOMERS_AT_START,
        /**
         * The customers paying at the start plus every customer who started paying during the
         * period (new or reactivated), each time they did.
         */
        CUSTOMERS_AT_START_PLUS_NEW
    }

    /** What to do with a customer who starts paying and stops within one period. */
    public enum JoinAndChurn {
        /** Leave them out entirely: no new customer, no churn, no new or churned MRR. */
        EXCLUDE,
        /** Count them as new (or reactivated) and as churned. */
        COUNT
    }

    /** What to do with a customer who stops paying and pays again within one period. */
    public enum ChurnThenReactivation {
        /**
         * Net the two: the customer did not churn, and the MRR change from before the churn to
         * after the return is an expansion or a contraction.
         */
        NET,
        /** Count a churn and a reactivation. */
        COUNT
    }

    /** When a cancelled subscription stops counting. */
    public enum Recognition {
        /** At the end of the term the customer paid for: the subscription's end. */
        END_OF_PAID_PERIOD,
        /**
         * At the instant the customer cancelled, when a {@link Cancellation} is supplied for
         * the subscription; at the end of the paid term otherwise.
         */
        AT_CANCELLATION
    }

    /** The default: ChartMogul's standard (B2B) formula, churn at the end of the paid term. */
    public static final ChurnPolicy STANDARD = builder().build();

    /**
     * Stripe Billing's documented subscriber churn rate: start plus new in the denominator,
     * same-period joiners counted, a returning customer who leaves again churns again, and a
     * cancelled subscription stops counting at cancellation.
     */
    public static final ChurnPolicy STRIPE = builder()
            .denominator(Denominator.CUSTOMERS_AT_START_PLUS_NEW)
            .joinAndChurn(JoinAndChurn.COUNT)
            .churnThenReactivation(ChurnThenReactivation.COUNT)
            .recognition(Recognition.AT_CANCELLATION)
            .build();

    /**
     * ProfitWell/Paddle's documented conventions: same-month joiners ignored, churn followed
     * by a return is a reactivation, MRR counts until the end of the billing cycle.
     */
    public static final ChurnPolicy PROFITWELL = builder()
            .churnThenReactivation(ChurnThenReactivation.COUNT)
            .build();

    /**
     * Baremetrics' documented user churn: customers at the start in the denominator, and
     * same-window sign-ups who cancel included in the churn.
     */
    public static final ChurnPolicy BAREMETRICS = builder()
            .joinAndChurn(JoinAndChurn.COUNT)
            .build();

    /** @return the denominator; customers at the start unless set */
    @Value.Default
    public Denominator denominator() {
        return Denominator.CUSTOMERS_AT_START;
    }

    /** @return the treatment of same-period joiners who churn; excluded unless set */
    @Value.Default
    public JoinAndChurn joinAndChurn() {
        return JoinAndChurn.EXCLUDE;
    }

    /** @return the treatment of a churn followed by a return; netted unless set */
    @Value.Default
    public ChurnThenReactivation churnThenReactivation() {
        return ChurnThenReactivation.NET;
    }

    /** @return when a cancellation counts; at the end of the paid term unless set */
    @Value.Default
    public Recognition recognition() {
        return Recognition.END_OF_PAID_PERIOD;
    }

    /** @return a new builder, every choice at its default */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChurnPolicy}; every choice is optional. */
    public static final class Builder extends ImmutableChurnPolicy.Builder {
    }
}
