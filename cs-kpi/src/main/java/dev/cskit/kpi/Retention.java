package dev.cskit.kpi;

import dev.cskit.kpi.internal.PeriodTally;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer (logo) churn and retention from subscription histories, under an explicit
 * {@link ChurnPolicy}. Counts are per customer (all of its subscriptions together): a customer
 * churns when its MRR drops to zero. Pure and thread-safe.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * Computes customer churn and retention of one period.
     *
     * @param histories the subscription histories
     * @param period the period
     * @param policy the churn policy
     * @return the counts and rates
     */
    public static CustomerRetention customers(SubscriptionHistories histories, Period period,
            ChurnPolicy policy) {
        return customers(histories, List.of(period), policy).get(0);
    }

    /**
     * Computes customer churn and retention of several periods in one pass.
     *
     * @param histories the subscription histories
     * @param periods the periods
     * @param policy the churn policy
     * @return one result per period, in the periods' order
     */
    public static List<CustomerRetention> customers(SubscriptionHistories histories,
            List<Period> periods, ChurnPolicy policy) {
        PeriodTally[] tallies = Revenue.tally(histories, periods, policy);
        List<CustomerRetention> results = new ArrayList<>(tallies.length);
        for (int p = 0; p < tallies.length; p++) {
            PeriodTally t = tallies[p];
            results.add(new CustomerRetention(periods.get(p), policy, t.startCustomers,
                    t.endCustomers, t.retainedCustomers, t.newCustomers, t.reactivations,
                    t.churnedCustomers, t.joinedAndChurned));
        }
        return List.copyOf(results);
    }
}
