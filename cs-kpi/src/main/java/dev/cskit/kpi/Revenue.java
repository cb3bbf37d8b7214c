package dev.cskit.kpi;

import dev.cskit.core.Money;
import dev.cskit.kpi.internal.MovementEngine;
import dev.cskit.kpi.internal.PeriodTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Revenue KPIs from subscription histories: MRR movements and the MRR bridge, gross and net
 * MRR churn, gross and net revenue retention.
 *
 * <p>The MRR at the start of a period {@code [S, E)} is the MRR in force just before {@code
 * S}, at its end the MRR just before {@code E}; so the end of one month is the start of the
 * next, and a change at an instant belongs to the period holding that instant. Within the
 * period every change of a customer's MRR is a movement (see {@link MrrBridge}), so the bridge
 * is exact and bridges of consecutive periods join up ({@link MrrBridge#followedBy}).
 *
 * <p>Cost: linear in the number of customers times periods, plus a binary search per
 * customer and period over the customer's change points; no allocation per customer. All
 * functions are pure and thread-safe.
 */
public final class Revenue {

    private Revenue() {
    }

    /**
     * Computes the MRR bridge of one period.
     *
     * @param histories the subscription histories
     * @param period the period
     * @param policy the churn policy
     * @return the bridge
     */
    public static MrrBridge bridge(SubscriptionHistories histories, Period period,
            ChurnPolicy policy) {
        return bridges(histories, List.of(period), policy).get(0);
    }

    /**
     * Computes the MRR bridges of several periods in one pass.
     *
     * @param histories the subscription histories
     * @param periods the periods, in any order; they may overlap
     * @param policy the churn policy
     * @return one bridge per period, in the periods' order
     */
    public static List<MrrBridge> bridges(SubscriptionHistories histories, List<Period> periods,
            ChurnPolicy policy) {
        PeriodTally[] tallies = tally(histories, periods, policy);
        Currency currency = histories.currency();
        List<MrrBridge> bridges = new ArrayList<>(periods.size());
        for (int p = 0; p < tallies.length; p++) {
            PeriodTally t = tallies[p];
            bridges.add(new MrrBridge(periods.get(p), money(t.startMrr, currency),
                    money(t.newMrr, currency), money(t.expansionMrr, currency),
                    money(t.reactivationMrr, currency), money(t.contractionMrr, currency),
                    money(t.churnMrr, currency), money(t.endMrr, currency)));
        }
        return List.copyOf(bridges);
    }

    /**
     * Computes gross and net revenue retention of one period.
     *
     * @param histories the subscription histories
     * @param period the period
     * @param policy the churn policy (only its recognition rule matters here)
     * @return the retention
     */
    public static RevenueRetention retention(SubscriptionHistories histories, Period period,
            ChurnPolicy policy) {
        PeriodTally t = tally(histories, List.of(period), policy)[0];
        Currency currency = histories.currency();
        return new RevenueRetention(period, money(t.startMrr, currency),
                money(t.startCohortKeptMrr, currency), money(t.startCohortEndMrr, currency));
    }

    /**
     * Returns the MRR, list MRR and discounts in force just before an instant.
     *
     * @param histories the subscription histories
     * @param at the instant
     * @param policy the churn policy (only its recognition rule matters here)
     * @return the snapshot
     */
    public static MrrSnapshot snapshot(SubscriptionHistories histories, Instant at,
            ChurnPolicy policy) {
        return histories.snapshot(at, policy.recognition());
    }

    static PeriodTally[] tally(SubscriptionHistories histories, List<Period> periods,
            ChurnPolicy policy) {
        Instant[] starts = new Instant[periods.size()];
        Instant[] ends = new Instant[periods.size()];
        for (int p = 0; p < periods.size(); p++) {
            starts[p] = periods.get(p).start();
            ends[p] = periods.get(p).end();
        }
        MovementEngine engine = new MovementEngine(
                policy.joinAndChurn() == ChurnPolicy.JoinAndChurn.EXCLUDE,
                policy.churnThenReactivation() == ChurnPolicy.ChurnThenReactivation.NET);
        return engine.tally(histories.timeline(policy.recognition()), starts, ends);
    }

    private static Money money(long minor, Currency currency) {
        return Money.ofMinor(minor, currency);
    }
}
