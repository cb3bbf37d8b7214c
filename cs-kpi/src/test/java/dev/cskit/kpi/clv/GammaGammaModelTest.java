package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.kpi.UndefinedKpiException;
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
    void populationMeanValue_qAtMostOne_isUndefined() {
        GammaGammaModel model = GammaGammaModel.of(GammaGammaParameters.of(2, 0.8, 10));

        assertThatThrownBy(model::populationMeanValue)
                .isInstanceOf(UndefinedKpiException.class)
                .hasMessageContaining("q = 0.8");
        assertThatThrownBy(() -> model.expectedAverageValue(0, 0))
                .isInstanceOf(UndefinedKpiException.class);
        // p x + q - 1 = 2 + 0.8 - 1 = 1.8 > 0: finite, p (gamma + x m) / 1.8 = 2 x 30 / 1.8
        assertThat(model.expectedAverageValue(1, 20)).isCloseTo(60 / 1.8,
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void expectedAverageValue_shapeAtMostZero_isUndefined() {
        // p x + q - 1 = 0.1 x 1 + 0.5 - 1 = -0.4
        GammaGammaModel model = GammaGammaModel.of(GammaGammaParameters.of(0.1, 0.5, 10));

        assertThatThrownBy(() -> model.expectedAverageValue(1, 20))
                .isInstanceOf(UndefinedKpiException.class)
                .hasMessageContaining("p x + q - 1");
    }

    @Test
    void expectedAverageValue_manyPurchases_approachesTheCustomersOwnMean() {
        GammaGammaModel model = GammaGammaModel.of(GammaGammaParameters.of(6.25, 3.74, 15.44));

        assertThat(model.expectedAverageValue(10_000, 80)).isCloseTo(80,
                org.assertj.core.api.Assertions.within(0.01));
    }
}
