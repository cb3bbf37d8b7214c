package dev.cskit.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitEconomicsTest {

    private static Ratio dollars(long amount) {
        return Ratio.of(amount, 1, "-");
    }

    /**
     * help.chartmogul.com "Metric: Customer Lifetime Value (LTV)": ARPA $100, monthly
     * customer churn 5%: LTV $2,000 (ChartMogul uses no margin, so gross margin 1).
     */
    @Test
    void ltv_chartMogulExample() {
        UnitEconomics.Ltv ltv = UnitEconomics.ltv(dollars(100), BigDecimal.ONE,
                Ratio.of(5, 100, "-"));

        assertThat(ltv.value().value()).isEqualByComparingTo("2000");
    }

    /**
     * With an 80% margin, by hand: 100 x 0.8 / 0.05 = 1,600; LTV:CAC with CAC 400 = 4;
     * CAC payback = 400 / (100 x 0.8) = 5 months.
     */
    @Test
    void ltvToCacAndPayback_byHand() {
        BigDecimal margin = new BigDecimal("0.8");
        UnitEconomics.Ltv ltv = UnitEconomics.ltv(dollars(100), margin, Ratio.of(5, 100, "-"));

        assertThat(ltv.value().value()).isEqualByComparingTo("1600");
        assertThat(UnitEconomics.ltvToCac(ltv, BigDecimal.valueOf(400)).value())
                .isEqualByComparingTo("4");
        assertThat(UnitEconomics.cacPaybackMonths(BigDecimal.valueOf(400), dollars(100), margin)
                .value()).isEqualByComparingTo("5");
    }

    /** Trailing average of 4%, 5% and 6% is 5%: LTV = 100 / 0.05 = 2,000. */
    @Test
    void ltv_trailingAverageChurn() {
        Ratio average = UnitEconomics.trailingAverage(List.of(Ratio.of(4, 100, "-"),
                Ratio.of(5, 100, "-"), Ratio.of(6, 100, "-")));

        assertThat(UnitEconomics.ltv(dollars(100), BigDecimal.ONE, average).value().value())
                .isEqualByComparingTo("2000");
    }

    @Test
    void ltv_zeroChurnIsUndefinedNotInfinite() {
        UnitEconomics.Ltv ltv = UnitEconomics.ltv(dollars(100), BigDecimal.ONE,
                Ratio.of(0, 40, "-"));

        assertThat(ltv.value().isDefined()).isFalse();
        assertThat(ltv.value().reason()).get().asString().contains("churn rate is zero");
    }

    @Test
    void ltv_refusesMarginAboveOne() {
        assertThatThrownBy(() -> UnitEconomics.ltv(dollars(1), new BigDecimal("1.5"),
                Ratio.of(1, 10, "-"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("grossMargin");
    }
}
