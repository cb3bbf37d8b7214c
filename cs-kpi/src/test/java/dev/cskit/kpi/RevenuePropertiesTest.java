package dev.cskit.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.cskit.core.Subscription;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The laws of the revenue and retention KPIs, over generated subscription histories. */
class RevenuePropertiesTest {

    private static final List<ChurnPolicy> POLICIES = List.of(ChurnPolicy.STANDARD,
            ChurnPolicy.STRIPE, ChurnPolicy.PROFITWELL, ChurnPolicy.BAREMETRICS);

    private static final ChurnPolicy COUNT_ALL = ChurnPolicy.builder()
            .joinAndChurn(ChurnPolicy.JoinAndChurn.COUNT)
            .churnThenReactivation(ChurnPolicy.ChurnThenReactivation.COUNT).build();

    /**
     * The bridge balances, and its start and end agree with a second computation: the
     * snapshot, which sums the running terms directly instead of walking the timeline.
     */
    @Test
    void bridge_balancesAndMatchesSnapshots() {
        qt().forAll(HistoryGenerator.histories(), HistoryGenerator.periods())
                .checkAssert((terms, period) -> {
                    SubscriptionHistories histories = SubscriptionHistories.of(terms);
                    for (ChurnPolicy policy : POLICIES) {
                        MrrBridge bridge = Revenue.bridge(histories, period, policy);
                        assertThat(bridge.start()).isEqualTo(
                                histories.snapshot(period.start(), policy.recognition()).mrr());
                        assertThat(bridge.end()).isEqualTo(
                                histories.snapshot(period.end(), policy.recognition()).mrr());
                        assertThat(bridge.start().plus(bridge.newMrr()).plus(bridge.expansion())
                                .plus(bridge.reactivation()).minus(bridge.contraction())
                                .minus(bridge.churn())).isEqualTo(bridge.end());
                    }
                });
    }

    /** Rates stay in range: CRR, GRR and bounded-policy churn in [0, 1]; NRR at least 0. */
    @Test
    void rates_stayInRange() {
        qt().forAll(HistoryGenerator.histories(), HistoryGenerator.periods())
                .checkAssert((terms, period) -> {
                    SubscriptionHistories histories = SubscriptionHistories.of(terms);
                    for (ChurnPolicy policy : List.of(ChurnPolicy.STANDARD, ChurnPolicy.STRIPE)) {
                        CustomerRetention customers = Retention.customers(histories, period,
                                policy);
                        assertUnit(customers.churnRate());
                        assertUnit(customers.retentionRate());
                    }
                    RevenueRetention revenue = Revenue.retention(histories, period,
                            ChurnPolicy.STANDARD);
                    assertUnit(revenue.grossRevenueRetention());
                    if (revenue.netRevenueRetention().isDefined()) {
                        assertThat(revenue.netRevenueRetention().value()).isNotNegative();
                    }
                });
    }

    /** Under the default policy the churn rate is one minus the retention rate. */
    @Test
    void standardPolicy_churnIsOneMinusRetention() {
        qt().forAll(HistoryGenerator.histories(), HistoryGenerator.periods())
                .checkAssert((terms, period) -> {
                    CustomerRetention r = Retention.customers(SubscriptionHistories.of(terms),
                            period, ChurnPolicy.STANDARD);
                    assertThat(r.churned()).isEqualTo(r.atStart() - r.retained());
                });
    }

    /** Shuffling the terms changes nothing. */
    @Test
    void results_invariantUnderReordering() {
        qt().forAll(HistoryGenerator.histories(), HistoryGenerator.periods(),
                SourceDSL.longs().all()).checkAssert((terms, period, seed) -> {
                    List<Subscription> shuffled = new ArrayList<>(terms);
                    Collections.shuffle(shuffled, new Random(seed));
                    SubscriptionHistories a = SubscriptionHistories.of(terms);
                    SubscriptionHistories b = SubscriptionHistories.of(shuffled);
                    for (ChurnPolicy policy : POLICIES) {
                        assertThat(Revenue.bridge(b, period, policy))
                                .isEqualTo(Revenue.bridge(a, period, policy));
                        assertThat(Retention.customers(b, period, policy))
                                .isEqualTo(Retention.customers(a, period, policy));
                    }
                    assertThat(cohorts(b)).isEqualTo(cohorts(a));
                });
    }

    /** Multiplying every price and discount by the same factor leaves every rate unchanged. */
    @Test
    void rates_invariantUnderScalingMoney() {
        qt().forAll(SourceDSL.longs().all(), HistoryGenerator.periods(),
                SourceDSL.integers().between(2, 7)).checkAssert((seed, period, factor) -> {
                    SubscriptionHistories one = SubscriptionHistories.of(
                            HistoryGenerator.generate(seed, 1));
                    SubscriptionHistories scaled = SubscriptionHistories.of(
                            HistoryGenerator.generate(seed, factor));
                    for (ChurnPolicy policy : POLICIES) {
                        MrrBridge a = Revenue.bridge(one, period, policy);
                        MrrBridge b = Revenue.bridge(scaled, period, policy);
                        assertSameValue(a.grossMrrChurnRate(), b.grossMrrChurnRate());
                        assertSameValue(a.netMrrChurnRate(), b.netMrrChurnRate());
                        assertThat(b.end()).isEqualTo(a.end().times(factor));
                        assertThat(Retention.customers(scaled, period, policy))
                                .isEqualTo(Retention.customers(one, period, policy));
                    }
                    RevenueRetention a = Revenue.retention(one, period, ChurnPolicy.STANDARD);
                    RevenueRetention b = Revenue.retention(scaled, period, ChurnPolicy.STANDARD);
                    assertSameValue(a.grossRevenueRetention(), b.grossRevenueRetention());
                    assertSameValue(a.netRevenueRetention(), b.netRevenueRetention());
                    List<RetentionMatrix.Row> rowsA = cohorts(one).revenue().rows();
                    List<RetentionMatrix.Row> rowsB = cohorts(scaled).revenue().rows();
                    for (int r = 0; r < rowsA.size(); r++) {
                        for (int k = 0; k < rowsA.get(r).cells().size(); k++) {
                            assertSameValue(rowsA.get(r).cells().get(k),
                                    rowsB.get(r).cells().get(k));
                        }
                    }
                });
    }

    /** A customer paying all along cannot raise customer churn or gross MRR churn. */
    @Test
    void loyalCustomer_cannotRaiseChurn() {
        qt().forAll(HistoryGenerator.histories(), HistoryGenerator.periods(),
                SourceDSL.integers().between(1, 100)).checkAssert((terms, period, price) -> {
                    List<Subscription> more = new ArrayList<>(terms);
                    more.add(Terms.term("loyal", "loyal", price, HistoryGenerator.FROM
                            .minus(Duration.ofDays(1)), null));
                    SubscriptionHistories before = SubscriptionHistories.of(terms);
                    SubscriptionHistories after = SubscriptionHistories.of(more);
                    for (ChurnPolicy policy : POLICIES) {
                        Ratio old = Retention.customers(before, period, policy).churnRate();
                        Ratio now = Retention.customers(after, period, policy).churnRate();
                        assertNotHigher(old, now);
                        assertNotHigher(Revenue.bridge(before, period, policy)
                                .grossMrrChurnRate(), Revenue.bridge(after, period, policy)
                                .grossMrrChurnRate());
                    }
                });
    }

    /**
     * Splitting a period and joining the two bridges gives the period's bridge: exactly, each
     * movement, when every same-period event is counted; start, end and net change under
     * every policy.
     */
    @Test
    void bridge_splitAndRecombine() {
        qt().forAll(HistoryGenerator.histories(), HistoryGenerator.periods(),
                SourceDSL.doubles().between(0.01, 0.99)).checkAssert((terms, period, at) -> {
                    Duration length = Duration.between(period.start(), period.end());
                    java.time.Instant cut = period.start().plusNanos(
                            (long) (length.toNanos() * at));
                    if (!cut.isAfter(period.start()) || !cut.isBefore(period.end())) {
                        return;
                    }
                    List<Period> parts = period.splitAt(cut);
                    SubscriptionHistories histories = SubscriptionHistories.of(terms);
                    for (ChurnPolicy policy : List.of(COUNT_ALL, ChurnPolicy.STANDARD,
                            ChurnPolicy.STRIPE)) {
                        List<MrrBridge> halves = Revenue.bridges(histories, parts, policy);
                        MrrBridge joined = halves.get(0).followedBy(halves.get(1));
                        MrrBridge whole = Revenue.bridge(histories, period, policy);
                        assertThat(joined.start()).isEqualTo(whole.start());
                        assertThat(joined.end()).isEqualTo(whole.end());
                        if (policy == COUNT_ALL) {
                            assertThat(joined).isEqualTo(whole);
                        }
                    }
                });
    }

    private static Cohorts.CohortRetention cohorts(SubscriptionHistories histories) {
        return Cohorts.retention(histories, YearMonth.of(2024, 1), YearMonth.of(2024, 8),
                ZoneOffset.UTC, ChurnPolicy.STANDARD);
    }

    private static void assertUnit(Ratio ratio) {
        if (ratio.isDefined()) {
            assertThat(ratio.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        }
    }

    private static void assertSameValue(Ratio a, Ratio b) {
        assertThat(b.isDefined()).isEqualTo(a.isDefined());
        if (a.isDefined()) {
            assertThat(b.value()).isEqualByComparingTo(a.value());
        }
    }

    private static void assertNotHigher(Ratio before, Ratio after) {
        if (before.isDefined()) {
            assertThat(after.value()).isLessThanOrEqualTo(before.value());
        }
    }
}
