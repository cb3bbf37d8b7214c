package dev.cskit.kpi.clv;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of the CLV models over random parameters and customers (QuickTheories; a failure
 * prints the seed and the shrunk counterexample).
 *
 * <p>Parameter ranges cover what fits on real data produce: r in [0.05, 5], alpha in
 * [0.5, 50] time units, a in [0.1, 5], b in [0.1, 10]; p in [0.5, 20], q in [1.1, 20],
 * gamma in [1, 100]. Customers: age in [1, 100], up to 60 repeat purchases. Monotonicity is
 * checked up to 1e-9 (relative) because the expectation is a difference of two rounded
 * numbers.
 */
class ClvPropertiesTest {

    private static final double SLACK = 1e-9;

    @Test
    void probabilityAlive_anyCustomer_isAProbability() {
        qt().forAll(bgNbd(), customers()).check((p, c) -> {
            double alive = BgNbdModel.of(p).probabilityAlive(c);
            return alive >= 0 && alive <= 1;
        });
    }

    @Test
    void probabilityAlive_noRepeatPurchase_isOne() {
        qt().forAll(bgNbd(), doubles().between(1, 100))
                .check((p, age) -> BgNbdModel.of(p)
                        .probabilityAlive(PurchaseSummary.of(0, 0, age)) == 1.0);
    }

    @Test
    void probabilityAlive_longerSilence_isNotHigher() {
        qt().forAll(bgNbd(), customers(), doubles().between(0, 50)).check((p, c, extra) -> {
            BgNbdModel model = BgNbdModel.of(p);
            PurchaseSummary older = PurchaseSummary.of(c.frequency(), c.recency(),
                    c.age() + extra);
            return model.probabilityAlive(older) <= model.probabilityAlive(c) + SLACK;
        });
    }

    @Test
    void expectedPurchases_anyHorizon_isNonNegativeAndNonDecreasing() {
        qt().forAll(bgNbd(), customers(), doubles().between(0, 200), doubles().between(0, 200))
                .check((p, c, t1, t2) -> {
                    BgNbdModel model = BgNbdModel.of(p);
                    double shorter = model.expectedPurchases(c, Math.min(t1, t2));
                    double longer = model.expectedPurchases(c, Math.max(t1, t2));
                    return shorter >= 0 && longer >= shorter - SLACK * (1 + longer);
                });
    }

    @Test
    void expectedPurchases_newCustomer_isNonNegativeAndNonDecreasing() {
        qt().forAll(bgNbd(), doubles().between(0, 200), doubles().between(0, 200))
                .check((p, t1, t2) -> {
                    BgNbdModel model = BgNbdModel.of(p);
                    double shorter = model.expectedPurchases(Math.min(t1, t2));
                    double longer = model.expectedPurchases(Math.max(t1, t2));
                    return shorter >= 0 && longer >= shorter - SLACK * (1 + longer);
                });
    }

    @Test
    void expectedAverageValue_repeatBuyer_liesBetweenOwnAndPopulationMeans() {
        qt().forAll(gammaGamma(), integers().between(1, 100), doubles().between(1, 500))
                .check((p, x, m) -> {
                    GammaGammaModel model = GammaGammaModel.of(p);
                    double value = model.expectedAverageValue(x, m);
                    double population = model.populationMeanValue();
                    double low = Math.min(m, population);
                    double high = Math.max(m, population);
                    return value >= low * (1 - SLACK) && value <= high * (1 + SLACK);
                });
    }

    @Test
    void estimate_anyCustomer_isNonNegativeAndNonIncreasingInTheDiscountRate() {
        qt().forAll(bgNbd(), customers(), doubles().between(0, 0.1), doubles().between(0, 0.1))
                .check((p, c, d1, d2) -> {
                    BgNbdModel purchases = BgNbdModel.of(p);
                    GammaGammaModel spend = GammaGammaModel.of(
                            GammaGammaParameters.of(6.25, 3.74, 15.44));
                    double averageValue = c.frequency() == 0 ? 0 : 30;
                    double low = clv(purchases, spend, c, averageValue, Math.min(d1, d2));
                    double high = clv(purchases, spend, c, averageValue, Math.max(d1, d2));
                    return high >= 0 && low >= high - SLACK * (1 + low);
                });
    }

    private static double clv(BgNbdModel purchases, GammaGammaModel spend, PurchaseSummary c,
            double averageValue, double discount) {
        ClvSettings settings = ClvSettings.builder().monthlyDiscountRate(discount).build();
        return CustomerLifetimeValue.estimate(purchases, spend, c, averageValue, settings)
                .value();
    }

    private static Gen<BgNbdParameters> bgNbd() {
        return doubles().between(0.05, 5).zip(doubles().between(0.5, 50),
                doubles().between(0.1, 5), doubles().between(0.1, 10), BgNbdParameters::of);
    }

    private static Gen<GammaGammaParameters> gammaGamma() {
        return doubles().between(0.5, 20).zip(doubles().between(1.1, 20),
                doubles().between(1, 100), GammaGammaParameters::of);
    }

    private static Gen<PurchaseSummary> customers() {
        return integers().between(0, 60).zip(doubles().fromZeroToOne(),
                doubles().between(1, 100),
                (x, share, age) -> PurchaseSummary.of(x, x == 0 ? 0 : share * age, age));
    }
}
