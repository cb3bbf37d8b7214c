package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    @Test
    void fit_allValuesEqual_throwsModelFitException() {
        assertThatThrownBy(() -> GammaGammaModel.fit(
                Collections.nCopies(50, SpendSummary.of(2, 10))))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("Gamma-Gamma").hasMessageContaining("diverged");
    }

    @Test
    void populationMeanValue_qAtMostOne_isInfinite() {
        GammaGammaModel model = GammaGammaModel.of(GammaGammaParameters.of(2, 0.8, 10));

        assertThat(model.populationMeanValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(model.expectedAverageValue(0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(model.expectedAverageValue(1, 20)).isFinite();
    }

    @Test
    void expectedAverageValue_manyPurchases_approachesTheCustomersOwnMean() {
        GammaGammaModel model = GammaGammaModel.of(GammaGammaParameters.of(6.25, 3.74, 15.44));

        assertThat(model.expectedAverageValue(10_000, 80)).isCloseTo(80,
                org.assertj.core.api.Assertions.within(0.01));
    }
}
