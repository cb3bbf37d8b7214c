package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every invalid input is rejected with a message naming the field, the value and the rule. */
class ValidationTest {

    @Test
    void purchaseSummary_negativeFrequency_isRejected() {
        rejects(() -> PurchaseSummary.of(-1, 0, 10), "PurchaseSummary.frequency", "-1", ">= 0");
    }

    @Test
    void purchaseSummary_recencyAfterAge_isRejected() {
        rejects(() -> PurchaseSummary.of(2, 12, 10), "PurchaseSummary.recency", "12.0",
                "between 0 and age");
    }

    @Test
    void purchaseSummary_negativeRecency_isRejected() {
        rejects(() -> PurchaseSummary.of(2, -1, 10), "PurchaseSummary.recency", "-1.0",
                "between 0 and age");
    }

    @Test
    void purchaseSummary_zeroAge_isRejected() {
        rejects(() -> PurchaseSummary.of(0, 0, 0), "PurchaseSummary.age", "0.0", "> 0");
    }

    @Test
    void purchaseSummary_nanAge_isRejected() {
        rejects(() -> PurchaseSummary.of(0, 0, Double.NaN), "PurchaseSummary.age", "NaN",
                "finite");
    }

    @Test
    void purchaseSummary_recencyWithoutRepeats_isRejected() {
        rejects(() -> PurchaseSummary.of(0, 3, 10), "PurchaseSummary.recency", "3.0",
                "0 when frequency is 0");
    }

    @Test
    void spendSummary_zeroFrequency_isRejected() {
        rejects(() -> SpendSummary.of(0, 10), "SpendSummary.frequency", "0", ">= 1");
    }

    @Test
    void spendSummary_zeroValue_isRejected() {
        rejects(() -> SpendSummary.of(1, 0), "SpendSummary.averageValue", "0.0", "> 0");
    }

    @Test
    void bgNbdParameters_nonPositive_isRejected() {
        rejects(() -> BgNbdParameters.of(0.2, 4, -0.5, 2), "BgNbdParameters.a", "-0.5", "> 0");
    }

    @Test
    void gammaGammaParameters_infinite_isRejected() {
        rejects(() -> GammaGammaParameters.of(1, Double.POSITIVE_INFINITY, 2),
                "GammaGammaParameters.q", "Infinity", "finite");
    }

    @Test
    void expectedPurchases_negativeHorizon_isRejected() {
        BgNbdModel model = BgNbdModel.of(BgNbdParameters.of(0.243, 4.414, 0.793, 2.426));

        rejects(() -> model.expectedPurchases(PurchaseSummary.of(1, 2, 3), -1), "horizon",
                "-1.0", ">= 0");
    }

    @Test
    void expectedAverageValue_repeatBuyerWithoutValue_isRejected() {
        GammaGammaModel model = GammaGammaModel.of(GammaGammaParameters.of(6.25, 3.74, 15.44));

        rejects(() -> model.expectedAverageValue(2, 0), "averageValue", "0.0", "> 0");
    }

    @Test
    void clvSettings_zeroHorizon_isRejected() {
        rejects(() -> ClvSettings.builder().horizonMonths(0).build(),
                "ClvSettings.horizonMonths", "0", ">= 1");
    }

    @Test
    void clvSettings_negativeDiscount_isRejected() {
        rejects(() -> ClvSettings.builder().monthlyDiscountRate(-0.01).build(),
                "ClvSettings.monthlyDiscountRate", "-0.01", ">= 0");
    }

    private static void rejects(ThrowingCallable call, String field, String value,
            String rule) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(field).hasMessageContaining(value)
                .hasMessageContaining(rule);
    }
}
