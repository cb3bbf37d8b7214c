package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD against the published CDNOW results of Fader, Hardie and Lee (2005), "Counting your
 * customers the easy way", Marketing Science 24(2), section 4, on the 1/10 sample of 2,357
 * customers with times in weeks.
 */
class BgNbdModelCdnowTest {

    private static List<PurchaseSummary> customers;
    private static BgNbdFit fit;

    @BeforeAll
    static void fitOnce() {
        customers = CdnowData.summaries();
        fit = BgNbdModel.fit(customers);
    }

    @Test
    void fit_cdnowSample_reproducesPublishedParameters() {
        BgNbdParameters p = fit.parameters();

        // Published to three decimals: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426. The
        // tolerance is half a unit in the last digit (rounding) plus 0.0005 for the optimiser.
        assertThat(p.r()).isCloseTo(0.243, within(0.001));
        assertThat(p.alpha()).isCloseTo(4.414, within(0.001));
        assertThat(p.a()).isCloseTo(0.793, within(0.001));
        assertThat(p.b()).isCloseTo(2.426, within(0.001));
        assertThat(fit.customers()).isEqualTo(2357);
    }

    @Test
    void fit_cdnowSample_reproducesPublishedLogLikelihood() {
        // Published to one decimal: -9582.4; half a unit in the last digit.
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.model().logLikelihood(customers))
                .isCloseTo(fit.logLikelihood(), within(1e-6));
    }

    @Test
    void fit_cdnowSample_hasZeroGradientAtTheOptimum() {
        BgNbdParameters p = fit.parameters();
        double[] at = {p.r(), p.alpha(), p.a(), p.b()};

        // Central differences in log-parameters, step 1e-4: at an interior maximum each slope
        // is zero up to the optimiser's tolerance and the O(h^2) error (both far below 0.05,
        // while a parameter off by one published digit gives slopes of several units).
        for (int i = 0; i < at.length; i++) {
            double h = 1e-4;
            double up = logLikelihood(scaled(at, i, Math.exp(h)));
            double down = logLikelihood(scaled(at, i, Math.exp(-h)));
            assertThat((up - down) / (2 * h)).as("d LL / d log param %d", i)
                    .isCloseTo(0, within(0.05));
        }
    }

    @Test
    void expectedPurchases_paperWorkedExample_is1point226() {
        PurchaseSummary customer = PurchaseSummary.of(2, 30.43, 38.86);
        BgNbdModel published = BgNbdModel.of(BgNbdParameters.of(0.243, 4.414, 0.793, 2.426));

        // The paper: 1.226 purchases in the next 39 weeks. Half a unit in the last digit, for
        // the published parameters and for ours.
        assertThat(published.expectedPurchases(customer, 39)).isCloseTo(1.226, within(0.0005));
        assertThat(fit.model().expectedPurchases(customer, 39))
                .isCloseTo(1.226, within(0.0005));
    }

    @Test
    void expectedPurchases_paperWorkedExample_agreesWithNumericIntegration() {
        PurchaseSummary customer = PurchaseSummary.of(2, 30.43, 38.86);
        BgNbdParameters p = BgNbdParameters.of(0.243, 4.414, 0.793, 2.426);

        // An independent route to eq. 10 without 2F1: integrate over purchase rate and dropout
        // probability (see BgNbdIntegration); quadrature error is below 1e-6.
        double integrated = BgNbdIntegration.expectedPurchases(p, customer, 39);
        assertThat(BgNbdModel.of(p).expectedPurchases(customer, 39))
                .isCloseTo(integrated, within(1e-5));
    }

    private static double logLikelihood(double[] p) {
        double sum = 0;
        for (PurchaseSummary customer : customers) {
            sum += BgNbdModel.logLikelihood(p[0], p[1], p[2], p[3], customer);
        }
        return sum;
    }

    private static double[] scaled(double[] at, int i, double factor) {
        double[] out = at.clone();
        out[i] *= factor;
        return out;
    }
}
