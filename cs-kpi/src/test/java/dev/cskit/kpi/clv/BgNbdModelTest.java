package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    private static final BgNbdParameters CDNOW = BgNbdParameters.of(0.243, 4.414, 0.793, 2.426);

    @Test
    void probabilityAlive_noRepeatPurchase_isOne() {
        // In BG/NBD a customer can only drop out right after a purchase.
        BgNbdModel model = BgNbdModel.of(CDNOW);

        assertThat(model.probabilityAlive(PurchaseSummary.of(0, 0, 38.86))).isEqualTo(1.0);
    }

    @Test
    void probabilityAlive_paperFormula_matchesHandComputation() {
        PurchaseSummary customer = PurchaseSummary.of(2, 30.43, 38.86);
        double odds = 0.793 / (2.426 + 2 - 1)
                * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2);

        assertThat(BgNbdModel.of(CDNOW).probabilityAlive(customer))
                .isCloseTo(1 / (1 + odds), within(1e-14));
    }

    @Test
    void expectedPurchases_zeroHorizon_isZero() {
        BgNbdModel model = BgNbdModel.of(CDNOW);

        assertThat(model.expectedPurchases(PurchaseSummary.of(3, 20, 30), 0)).isZero();
        assertThat(model.expectedPurchases(0)).isZero();
    }

    @Test
    void expectedPurchases_variedCases_agreeWithNumericIntegration() {
        // Quadrature without 2F1 (BgNbdIntegration): a < 1 and a > 1, no repeats, a horizon of
        // ten years in weeks (series argument 0.92). Relative tolerance 1e-6.
        BgNbdParameters[] params = {CDNOW, BgNbdParameters.of(1.5, 20, 2.5, 4)};
        PurchaseSummary[] customers = {PurchaseSummary.of(0, 0, 38.86),
            PurchaseSummary.of(7, 29.43, 38.86), PurchaseSummary.of(29, 37.71, 38)};
        for (BgNbdParameters p : params) {
            for (PurchaseSummary customer : customers) {
                for (double t : new double[] {1, 39, 520}) {
                    double integrated = BgNbdIntegration.expectedPurchases(p, customer, t);
                    assertThat(BgNbdModel.of(p).expectedPurchases(customer, t))
                            .as("%s %s t=%s", p, customer, t)
                            .isCloseTo(integrated, within(1e-6 * integrated));
                }
            }
        }
    }

    @Test
    void expectedPurchases_manyPurchasesLongHorizon_matchesHighPrecisionValue() {
        // Eq. 10 evaluated with 40-digit arithmetic (hypergeometric function included) gives
        // 100.279207269291952; double precision keeps about 13 digits here.
        double value = BgNbdModel.of(CDNOW).expectedPurchases(PurchaseSummary.of(29, 37.71, 38),
                520);

        assertThat(value).isCloseTo(100.279207269291952, within(1e-9));
    }

    @Test
    void expectedPurchases_aNearOne_isContinuous() {
        // Eq. 10 divides by a - 1; across the interpolated gap the value moves smoothly.
        PurchaseSummary customer = PurchaseSummary.of(4, 25, 38);
        double below = model(0.999).expectedPurchases(customer, 39);
        double at = model(1).expectedPurchases(customer, 39);
        double above = model(1.001).expectedPurchases(customer, 39);

        assertThat(at).isCloseTo((below + above) / 2, within(1e-6));
        assertThat(at).isCloseTo(BgNbdIntegration.expectedPurchases(
                BgNbdParameters.of(0.243, 4.414, 1, 2.426), customer, 39), within(1e-6));
    }

    @Test
    void expectedPurchases_newCustomer_isTheLimitOfAFreshSummary() {
        // The unconditional expectation is eq. 10 for a customer observed for (almost) no time.
        BgNbdModel model = BgNbdModel.of(CDNOW);

        assertThat(model.expectedPurchases(52))
                .isCloseTo(model.expectedPurchases(PurchaseSummary.of(0, 0, 1e-9), 52),
                        within(1e-6));
    }

    @Test
    void fit_nobodyRepeats_throwsModelFitException() {
        assertThatThrownBy(() -> BgNbdModel.fit(
                Collections.nCopies(50, PurchaseSummary.of(0, 0, 10))))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("BG/NBD").hasMessageContaining("50 customers")
                .hasMessageContaining("nobody made a repeat purchase");
    }

    @Test
    void fit_emptyInput_throwsInvalidInput() {
        assertThatThrownBy(() -> BgNbdModel.fit(Collections.emptyList()))
                .isInstanceOf(dev.cskit.core.InvalidInputException.class)
                .hasMessageContaining("customers").hasMessageContaining("non-empty");
    }

    @Test
    void logLikelihood_sumOverCustomers_isTheSumOfTheParts() {
        BgNbdModel model = BgNbdModel.of(CDNOW);
        PurchaseSummary one = PurchaseSummary.of(2, 30.43, 38.86);
        PurchaseSummary two = PurchaseSummary.of(0, 0, 38.86);

        assertThat(model.logLikelihood(java.util.List.of(one, two)))
                .isCloseTo(model.logLikelihood(one) + model.logLikelihood(two), within(1e-12));
    }

    private static BgNbdModel model(double a) {
        return BgNbdModel.of(BgNbdParameters.of(0.243, 4.414, a, 2.426));
    }
}
