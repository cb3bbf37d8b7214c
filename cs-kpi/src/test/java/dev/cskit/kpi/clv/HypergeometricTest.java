package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The 2F1 series against closed forms; relative tolerance 1e-12 unless stated. */
class HypergeometricTest {

    @Test
    void scaledTimesC_logarithmCase_matchesClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        for (double z : new double[] {0.1, 0.5, 0.9, 0.99}) {
            double expected = 2 * -Math.log1p(-z) / z;
            assertThat(Hypergeometric.scaledTimesC(1, 1, 2, z, 0))
                    .isCloseTo(expected, relative(expected));
        }
    }

    @Test
    void scaledTimesC_binomialCase_matchesClosedForm() {
        // 2F1(a, b; b; z) = (1 - z)^(-a)
        for (double z : new double[] {0.2, 0.7, 0.95}) {
            double expected = 2.5 * Math.pow(1 - z, -1.7);
            assertThat(Hypergeometric.scaledTimesC(1.7, 2.5, 2.5, z, 0))
                    .isCloseTo(expected, relative(expected));
        }
    }

    @Test
    void scaledTimesC_zeroC_isTheLimitOfCTimes2F1() {
        // c * 2F1(1, 1; c; z) -> z 2F1(2, 2; 2; z) = z / (1 - z)^2 as c -> 0
        double z = 0.6;
        double expected = z / ((1 - z) * (1 - z));
        assertThat(Hypergeometric.scaledTimesC(1, 1, 0, z, 0))
                .isCloseTo(expected, relative(expected));
    }

    @Test
    void scaledTimesC_hugeSeriesWithTinyFactor_neitherOverflowsNorUnderflows() {
        // 2F1(800, b; b; 0.9) = 10^800 overflows a double; times 0.1^800 it is exactly 1.
        double value = Hypergeometric.scaledTimesC(800, 3, 3, 0.9, 800 * Math.log(0.1));
        assertThat(value).isCloseTo(3, within(1e-9));
    }

    @Test
    void scaledTimesC_zeroArgument_isC() {
        assertThat(Hypergeometric.scaledTimesC(2, 3, 4, 0, 0)).isEqualTo(4);
    }

    @Test
    void scaledTimesC_argumentOne_isRejected() {
        assertThatThrownBy(() -> Hypergeometric.scaledTimesC(1, 1, 2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z=1.0");
    }

    private static Offset<Double> relative(double expected) {
        return within(Math.abs(expected) * 1e-12);
    }
}
