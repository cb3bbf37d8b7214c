package dev.cskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private static Subscription.Builder term(String unitPrice, BillingInterval interval) {
        return Subscription.builder().id("sub-1").customerId(CustomerId.of("c-1"))
                .plan("pro").unitPrice(Money.parse(unitPrice, "USD")).interval(interval)
                .start(START);
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    @Test
    void mrr_monthlyIsThePrice() {
        assertThat(term("49.00", BillingInterval.MONTHLY).build().mrr()).isEqualTo(usd("49.00"));
    }

    @Test
    void mrr_weeklyIsTimes52Over12() {
        // 10.00 x 52 / 12 = 43.3333... -> 43.33
        assertThat(term("10.00", BillingInterval.WEEKLY).build().mrr()).isEqualTo(usd("43.33"));
        // 3.00 x 52 / 12 = 13.00 exactly
        assertThat(term("3.00", BillingInterval.WEEKLY).build().mrr()).isEqualTo(usd("13.00"));
    }

    @Test
    void mrr_quarterlyIsOverThree() {
        // 300.00 / 3 = 100.00; 100.00 / 3 = 33.333... -> 33.33
        assertThat(term("300.00", BillingInterval.QUARTERLY).build().mrr())
                .isEqualTo(usd("100.00"));
        assertThat(term("100.00", BillingInterval.QUARTERLY).build().mrr())
                .isEqualTo(usd("33.33"));
    }

    @Test
    void mrr_yearlyIsOverTwelve() {
        // 1,200.00 / 12 = 100.00; 1,000.00 / 12 = 83.333... -> 83.33
        assertThat(term("1200.00", BillingInterval.YEARLY).build().mrr())
                .isEqualTo(usd("100.00"));
        assertThat(term("1000.00", BillingInterval.YEARLY).build().mrr())
                .isEqualTo(usd("83.33"));
    }

    @Test
    void mrr_everyNIntervalsDividesByN() {
        // two years: 120.00 / 12 / 2 = 5.00; every 2 weeks: 20.00 x 52 / 12 / 2 = 43.33
        assertThat(term("120.00", BillingInterval.every(2, BillingInterval.Unit.YEAR)).build()
                .mrr()).isEqualTo(usd("5.00"));
        assertThat(term("20.00", BillingInterval.every(2, BillingInterval.Unit.WEEK)).build()
                .mrr()).isEqualTo(usd("43.33"));
        // every 6 months: 600.00 / 6 = 100.00
        assertThat(term("600.00", BillingInterval.every(6, BillingInterval.Unit.MONTH)).build()
                .mrr()).isEqualTo(usd("100.00"));
    }

    @Test
    void mrr_countsSeatsAndSubtractsTheDiscountBeforeRounding() {
        // 5 seats x 10.00 = 50.00 a year, less 2.00 = 48.00 / 12 = 4.00
        Subscription discounted = term("10.00", BillingInterval.YEARLY).seats(5)
                .discount(usd("2.00")).build();
        assertThat(discounted.listMrr()).isEqualTo(usd("4.17"));
        assertThat(discounted.mrr()).isEqualTo(usd("4.00"));
    }

    @Test
    void build_refusesADiscountAboveThePriceOrInAnotherCurrency() {
        assertThatThrownBy(() -> term("10.00", BillingInterval.MONTHLY)
                .discount(usd("10.01")).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("subscription.discount");
        assertThatThrownBy(() -> term("10.00", BillingInterval.MONTHLY)
                .discount(Money.parse("1.00", "EUR")).build())
                .hasMessageContaining("must be in USD");
    }

    @Test
    void build_refusesNoSeatsAndAnEndNotAfterTheStart() {
        assertThatThrownBy(() -> term("10.00", BillingInterval.MONTHLY).seats(0).build())
                .hasMessageContaining("subscription.seats = '0': must be at least 1");
        assertThatThrownBy(() -> term("10.00", BillingInterval.MONTHLY).end(START).build())
                .hasMessageContaining("subscription.end");
    }

    @Test
    void isActiveAt_coversTheHalfOpenRange() {
        Instant end = START.plusSeconds(60);
        Subscription term = term("1.00", BillingInterval.MONTHLY).end(end).build();
        assertThat(term.isActiveAt(START.minusNanos(1))).isFalse();
        assertThat(term.isActiveAt(START)).isTrue();
        assertThat(term.isActiveAt(end.minusNanos(1))).isTrue();
        assertThat(term.isActiveAt(end)).isFalse();
    }

    @Test
    void billingInterval_refusesACountBelowOne() {
        assertThatThrownBy(() -> BillingInterval.every(0, BillingInterval.Unit.MONTH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("interval.count = '0'");
    }
}
