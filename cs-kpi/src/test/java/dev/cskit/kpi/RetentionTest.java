package dev.cskit.kpi;

import static dev.cskit.kpi.Terms.month;
import static dev.cskit.kpi.Terms.period;
import static dev.cskit.kpi.Terms.term;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant MID_MARCH = Instant.parse("2024-03-15T00:00:00Z");
    private static final Instant LATE_MARCH = Instant.parse("2024-03-25T00:00:00Z");

    /**
     * help.chartmogul.com "Metric: Customer Churn rate", B2B formula: 100 customers at the
     * start of the month, 11 cancel, one of whom joined in the same month and is excluded:
     * 10 / 100 = 10%.
     */
    @Test
    void churnRate_chartMogulStandardExample() {
        List<Subscription> terms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            terms.add(term("s" + i, "c" + i, 50, month("2023-01"), i < 10 ? MID_MARCH : null));
        }
        terms.add(term("new", "new", 50, Instant.parse("2024-03-05T00:00:00Z"), MID_MARCH));

        CustomerRetention march = Retention.customers(SubscriptionHistories.of(terms),
                period("2024-03"), ChurnPolicy.STANDARD);

        assertThat(march.atStart()).isEqualTo(100);
        assertThat(march.churned()).isEqualTo(10);
        assertThat(march.joinedAndChurned()).isEqualTo(1);
        assertThat(march.churnRate().value()).isEqualByComparingTo("0.1");
        assertThat(march.retentionRate().value()).isEqualByComparingTo("0.9");
    }

    /**
     * The same book under Stripe's documented rule (support.stripe.com "Calculating churn
     * rate in Billing"): churned over start plus new, the same-period joiner in both:
     * 11 / (100 + 1) = 11/101.
     */
    @Test
    void churnRate_stripeCountsTheJoinerInBothParts() {
        List<Subscription> terms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            terms.add(term("s" + i, "c" + i, 50, month("2023-01"), i < 10 ? MID_MARCH : null));
        }
        terms.add(term("new", "new", 50, Instant.parse("2024-03-05T00:00:00Z"), MID_MARCH));

        CustomerRetention march = Retention.customers(SubscriptionHistories.of(terms),
                period("2024-03"), ChurnPolicy.STRIPE);

        assertThat(march.churnRate()).isEqualTo(Ratio.of(11, 101, "-"));
    }

    /**
     * A customer paying at the start churns mid-March and returns on 25 March. By hand:
     * default (NET): no churn, the customer is retained; COUNT (Stripe, ProfitWell): one
     * churn and one reactivation. CRR is (E - N) / S = (1 - 0) / 1 under both.
     */
    @Test
    void churnThenReactivation_netOrCounted() {
        SubscriptionHistories histories = SubscriptionHistories.of(List.of(
                term("a1", "a", 50, month("2023-01"), MID_MARCH),
                term("a2", "a", 50, LATE_MARCH, null)));

        CustomerRetention net = Retention.customers(histories, period("2024-03"),
                ChurnPolicy.STANDARD);
        CustomerRetention counted = Retention.customers(histories, period("2024-03"),
                ChurnPolicy.PROFITWELL);

        assertThat(net.churned()).isZero();
        assertThat(net.reactivations()).isZero();
        assertThat(counted.churned()).isEqualTo(1);
        assertThat(counted.reactivations()).isEqualTo(1);
        assertThat(net.retentionRate().value()).isEqualByComparingTo("1");
        assertThat(counted.retentionRate().value()).isEqualByComparingTo("1");
    }

    /**
     * ProfitWell/Paddle "ProfitWell vs. Chargify": Sarah cancels on 8 June a plan paid through
     * 15 June. Recognised at the end of the paid period she still pays at the end of 10 June;
     * recognised at cancellation she does not.
     */
    @Test
    void recognition_endOfPaidPeriodOrCancellation() {
        Subscription sarah = term("sarah", "sarah", 10, Instant.parse("2024-04-15T00:00:00Z"),
                Instant.parse("2024-06-15T00:00:00Z"));
        SubscriptionHistories histories = SubscriptionHistories.of(List.of(sarah))
                .withCancellations(List.of(new Cancellation("sarah",
                        Instant.parse("2024-06-08T00:00:00Z"))));
        Period firstTenDays = Period.of(month("2024-06"), Instant.parse("2024-06-10T00:00:00Z"));

        CustomerRetention paid = Retention.customers(histories, firstTenDays,
                ChurnPolicy.STANDARD);
        CustomerRetention cancelled = Retention.customers(histories, firstTenDays,
                ChurnPolicy.builder().recognition(ChurnPolicy.Recognition.AT_CANCELLATION)
                        .build());

        assertThat(paid.churned()).isZero();
        assertThat(cancelled.churned()).isEqualTo(1);
    }

    @Test
    void churnRate_noCustomersIsUndefined() {
        CustomerRetention empty = Retention.customers(SubscriptionHistories.of(
                java.util.Currency.getInstance("USD"), List.of()), period("2024-03"),
                ChurnPolicy.STANDARD);

        assertThat(empty.churnRate().isDefined()).isFalse();
        assertThat(empty.retentionRate().reason()).get().asString()
                .contains("no customers at the start");
    }
}
