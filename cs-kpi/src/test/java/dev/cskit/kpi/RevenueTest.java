package dev.cskit.kpi;

import static dev.cskit.kpi.Terms.month;
import static dev.cskit.kpi.Terms.period;
import static dev.cskit.kpi.Terms.term;
import static dev.cskit.kpi.Terms.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.BillingInterval;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenueTest {

    private static final Instant MID_MARCH = Instant.parse("2024-03-15T00:00:00Z");

    /**
     * One customer of each movement, March 2024, worked by hand:
     * a: 100 all along (no movement); b: 100 -> 150 on 1 March (expansion 50);
     * c: 200 -> 120 mid-March (contraction 80); d: 90 ends 15 March (churn 90);
     * e: starts at 60 on 1 March (new 60); f: paid 40 until Jan, back at 70 in March
     * (reactivation 70). Start = 100 + 100 + 200 + 90 = 490;
     * end = 490 + 60 + 50 + 70 - 80 - 90 = 500 = 100 + 150 + 120 + 60 + 70.
     */
    private static final List<Subscription> BOOK = List.of(
            term("a", "a", 100, month("2023-06"), null),
            term("b", "b", 100, month("2023-06"), month("2024-03")),
            term("b", "b", 150, month("2024-03"), null),
            term("c", "c", 200, month("2023-06"), MID_MARCH),
            term("c", "c", 120, MID_MARCH, null),
            term("d", "d", 90, month("2023-06"), MID_MARCH),
            term("e", "e", 60, month("2024-03"), null),
            term("f1", "f", 40, month("2023-06"), month("2024-02")),
            term("f2", "f", 70, month("2024-03"), null));

    @Test
    void bridge_everyMovementKind() {
        MrrBridge bridge = Revenue.bridge(SubscriptionHistories.of(BOOK), period("2024-03"),
                ChurnPolicy.STANDARD);

        assertThat(bridge.start()).isEqualTo(usd(490));
        assertThat(bridge.newMrr()).isEqualTo(usd(60));
        assertThat(bridge.expansion()).isEqualTo(usd(50));
        assertThat(bridge.contraction()).isEqualTo(usd(80));
        assertThat(bridge.churn()).isEqualTo(usd(90));
        assertThat(bridge.reactivation()).isEqualTo(usd(70));
        assertThat(bridge.end()).isEqualTo(usd(500));
    }

    @Test
    void bridge_februaryChurnOfAFixedTermEndingOnTheFirst() {
        // f's term ends at 1 Feb: it is paying just before 1 Feb (January's end) and not just
        // before 1 March, so it churns in February, the month holding its end instant.
        SubscriptionHistories histories = SubscriptionHistories.of(BOOK);

        assertThat(Revenue.bridge(histories, period("2024-01"), ChurnPolicy.STANDARD).churn())
                .isEqualTo(usd(0));
        assertThat(Revenue.bridge(histories, period("2024-02"), ChurnPolicy.STANDARD).churn())
                .isEqualTo(usd(40));
    }

    @Test
    void retention_grossAndNetOnTheStartingCohort() {
        // Starting cohort a, b, c, d, f? f is not paying at the start of March (stopped in
        // February), so the cohort is a, b, c, d: start 100 + 100 + 200 + 90 = 490.
        // Kept = min(start, end) = 100 + 100 + 120 + 0 = 320; end = 100 + 150 + 120 + 0 = 370.
        RevenueRetention retention = Revenue.retention(SubscriptionHistories.of(BOOK),
                period("2024-03"), ChurnPolicy.STANDARD);

        assertThat(retention.grossRevenueRetention()).isEqualTo(Ratio.of(320, 490, "-"));
        assertThat(retention.netRevenueRetention()).isEqualTo(Ratio.of(370, 490, "-"));
    }

    @Test
    void grossAndNetMrrChurn_chartMogulWorkedExample() {
        // help.chartmogul.com "Metric: MRR Churn Rate": $100 MRR at the start of the month,
        // $10 lost to churn, $10 to contraction, one customer up by $10:
        // gross MRR churn 20%, net MRR churn 10%.
        List<Subscription> terms = List.of(
                term("churns", "churns", 10, month("2024-01"), month("2024-03")),
                term("shrinks", "shrinks", 40, month("2024-01"), MID_MARCH),
                term("shrinks", "shrinks", 30, MID_MARCH, null),
                term("grows", "grows", 50, month("2024-01"), MID_MARCH),
                term("grows", "grows", 60, MID_MARCH, null));

        MrrBridge bridge = Revenue.bridge(SubscriptionHistories.of(terms), period("2024-03"),
                ChurnPolicy.STANDARD);

        assertThat(bridge.start()).isEqualTo(usd(100));
        assertThat(bridge.grossMrrChurnRate().value()).isEqualByComparingTo("0.2");
        assertThat(bridge.netMrrChurnRate().value()).isEqualByComparingTo("0.1");
    }

    @Test
    void bridge_noMrrAtStartIsUndefinedWithReason() {
        MrrBridge bridge = Revenue.bridge(SubscriptionHistories.of(BOOK), period("2020-01"),
                ChurnPolicy.STANDARD);

        assertThat(bridge.grossMrrChurnRate().isDefined()).isFalse();
        assertThat(bridge.grossMrrChurnRate().reason()).get().asString()
                .contains("no MRR at the start");
        assertThatThrownBy(() -> bridge.grossMrrChurnRate().value())
                .isInstanceOf(UndefinedKpiException.class);
    }

    @Test
    void histories_refuseMixedCurrencies() {
        List<Subscription> mixed = List.of(term("a", "a", 100, month("2024-01"), null),
                term("b", "b", Money.ofMinor(100, "EUR"), BillingInterval.MONTHLY,
                        month("2024-01"), null));

        assertThatThrownBy(() -> SubscriptionHistories.of(mixed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("EUR").hasMessageContaining("RateTable");
    }

    @Test
    void histories_convertWithRateTable() {
        // 1 EUR = 1.10 USD: 100.00 EUR a month is 110.00 USD; 100 + 110 = 210 USD.
        List<Subscription> mixed = List.of(term("a", "a", 100, month("2024-01"), null),
                term("b", "b", Money.ofMinor(10000, "EUR"), BillingInterval.MONTHLY,
                        month("2024-01"), null));
        RateTable rates = RateTable.of(Currency.getInstance("USD"),
                Map.of(Currency.getInstance("EUR"), new BigDecimal("1.10")));

        MrrSnapshot snapshot = Revenue.snapshot(SubscriptionHistories.of(rates, mixed),
                month("2024-02"), ChurnPolicy.STANDARD);

        assertThat(snapshot.mrr()).isEqualTo(usd(210));
    }

    @Test
    void snapshot_discountIsItsOwnMeasure() {
        // Yearly plan, 1,200.00 a year with 240.00 off: list MRR 100.00, MRR 80.00,
        // discount 20.00 = 20% of list MRR; ARPA of one customer 80.00.
        Subscription yearly = Subscription.builder().id("y").customerId(
                dev.cskit.core.CustomerId.of("y")).plan("annual").unitPrice(usd(1200))
                .interval(BillingInterval.YEARLY).discount(usd(240)).start(month("2024-01"))
                .build();

        MrrSnapshot snapshot = Revenue.snapshot(SubscriptionHistories.of(List.of(yearly)),
                month("2024-02"), ChurnPolicy.STANDARD);

        assertThat(snapshot.listMrr()).isEqualTo(usd(100));
        assertThat(snapshot.mrr()).isEqualTo(usd(80));
        assertThat(snapshot.discount()).isEqualTo(usd(20));
        assertThat(snapshot.discountRate().value()).isEqualByComparingTo("0.2");
        assertThat(snapshot.arpa().value()).isEqualByComparingTo("80");
    }

    @Test
    void histories_refuseOverlappingTermsOfOneSubscription() {
        List<Subscription> overlapping = List.of(
                term("a", "a", 100, month("2024-01"), month("2024-03")),
                term("a", "a", 120, month("2024-02"), null));

        assertThatThrownBy(() -> SubscriptionHistories.of(overlapping))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("subscription.start");
    }
}
