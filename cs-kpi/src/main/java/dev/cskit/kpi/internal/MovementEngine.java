package dev.cskit.kpi.internal;

import java.time.Instant;

/**
 * Classifies every customer's MRR changes within periods into movements, under the choices of
 * a churn policy. Pure; allocates one tally per period and nothing per customer.
 *
 * <p>Design note: a customer's path through a period is its MRR just before the start, then
 * the value after each change point inside the period. Each step {@code a -> b} between
 * consecutive values is one movement: {@code 0 -> b} is new (at the customer's first paid
 * change point) or reactivation, {@code a -> 0} churn, {@code a -> b} expansion or
 * contraction. The steps telescope, so {@code start + movements = end} holds for each
 * customer and therefore for their sum, exactly, whatever the policy: netting a churn with the
 * return that follows it replaces {@code a -> 0 -> b} by {@code a -> b}, and excluding a
 * same-period joiner drops steps that sum to zero.
 */
public final class MovementEngine {

    private final boolean excludeJoinAndChurn;
    private final boolean netReactivation;

    /**
     * Creates an engine.
     *
     * @param excludeJoinAndChurn whether to drop customers who start and stop in one period
     * @param netReactivation whether a churn followed by a return in one period nets out
     */
    public MovementEngine(boolean excludeJoinAndChurn, boolean netReactivation) {
        this.excludeJoinAndChurn = excludeJoinAndChurn;
        this.netReactivation = netReactivation;
    }

    /**
     * Tallies consecutive or separate periods in one pass over the customers.
     *
     * @param timeline the customers' MRR
     * @param starts each period's start
     * @param ends each period's end, after its start
     * @return one tally per period, in order
     */
    public PeriodTally[] tally(MrrTimeline timeline, Instant[] starts, Instant[] ends) {
        PeriodTally[] tallies = new PeriodTally[starts.length];
        for (int p = 0; p < starts.length; p++) {
            tallies[p] = new PeriodTally();
        }
        for (int c = 0; c < timeline.customerCount(); c++) {
            for (int p = 0; p < starts.length; p++) {
                tallyCustomer(timeline, c, starts[p], ends[p], tallies[p]);
            }
        }
        return tallies;
    }

    private void tallyCustomer(MrrTimeline timeline, int c, Instant start, Instant end,
            PeriodTally tally) {
        int from = timeline.firstAtOrAfter(c, start);
        int first = timeline.first(c);
        long startValue = from == first ? 0 : timeline.value(from - 1);
        int to = from;
        int limit = timeline.limit(c);
        boolean paidWithin = false;
        while (to < limit && timeline.time(to).isBefore(end)) {
            paidWithin |= timeline.value(to) > 0;
            to++;
        }
        long endValue = to == first ? 0 : timeline.value(to - 1);
        countCustomer(tally, startValue, endValue);
        if (startValue == 0 && endValue == 0 && paidWithin) {
            tally.joinedAndChurned++;
            if (excludeJoinAndChurn) {
                return;
            }
        }
        walk(timeline, c, from, to, startValue, tally);
    }

    private static void countCustomer(PeriodTally tally, long startValue, long endValue) {
        tally.startMrr += startValue;
        tally.endMrr += endValue;
        if (startValue > 0) {
            tally.startCustomers++;
            tally.startCohortEndMrr += endValue;
            tally.startCohortKeptMrr += Math.min(startValue, endValue);
        }
        if (endValue > 0) {
            tally.endCustomers++;
            if (startValue > 0) {
                tally.retainedCustomers++;
            }
        }
    }

    private void walk(MrrTimeline timeline, int c, int from, int to, long startValue,
            PeriodTally tally) {
        long previous = startValue;
        long pendingChurn = -1;
        int firstPaid = timeline.firstPaid(c);
        for (int i = from; i < to; i++) {
            long value = timeline.value(i);
            if (netReactivation && value == 0) {
                // Hold the churn: a return later in the period nets it out.
                pendingChurn = previous;
            } else if (netReactivation && previous == 0 && pendingChurn >= 0) {
                step(tally, pendingChurn, value, false);
                pendingChurn = -1;
            } else {
                step(tally, previous, value, i == firstPaid);
            }
            previous = value;
        }
        if (pendingChurn >= 0) {
            step(tally, pendingChurn, 0, false);
        }
    }

    private static void step(PeriodTally tally, long from, long to, boolean firstPayment) {
        if (from == 0 && to > 0) {
            if (firstPayment) {
                tally.newMrr += to;
                tally.newCustomers++;
            } else {
                tally.reactivationMrr += to;
                tally.reactivations++;
            }
        } else if (from > 0 && to == 0) {
            tally.churnMrr += from;
            tally.churnedCustomers++;
        } else if (to > from) {
            tally.expansionMrr += to - from;
        } else if (to < from) {
            tally.contractionMrr += from - to;
        }
    }
}
