package dev.cskit.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.cskit.core.SurveyKind;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Range laws of the satisfaction and cohort KPIs. */
class SatisfactionPropertiesTest {

    @Test
    void nps_staysWithinPlusMinusHundred() {
        qt().forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 10))
                .ofSizeBetween(0, 60)).checkAssert(scores -> {
                    int[] array = scores.stream().mapToInt(Integer::intValue).toArray();
                    Nps nps = Satisfaction.nps(SatisfactionTest.answers(SurveyKind.NPS, array),
                            Terms.period("2024-03"));
                    assertThat(nps.answers()).isEqualTo(array.length);
                    if (array.length > 0) {
                        assertThat(nps.score().value()).isBetween(BigDecimal.valueOf(-100),
                                BigDecimal.valueOf(100));
                        assertThat(nps.standardError().value()).isNotNegative();
                    }
                });
    }

    @Test
    void csatAndCes_sharesWithinUnit() {
        qt().forAll(SourceDSL.lists().of(SourceDSL.integers().between(1, 5))
                .ofSizeBetween(1, 40)).checkAssert(scores -> {
                    int[] array = scores.stream().mapToInt(Integer::intValue).toArray();
                    Ratio csat = Satisfaction.csat(SatisfactionTest.answers(SurveyKind.CSAT,
                            array), Terms.period("2024-03"));
                    Satisfaction.Ces ces = Satisfaction.ces(SatisfactionTest.answers(
                            SurveyKind.CES, array), Terms.period("2024-03"));
                    assertThat(csat.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                    assertThat(ces.agreeing().value()).isBetween(BigDecimal.ZERO,
                            BigDecimal.ONE);
                    assertThat(ces.mean().value()).isBetween(BigDecimal.ONE,
                            BigDecimal.valueOf(7));
                });
    }

    @Test
    void cohortLogoCells_withinUnit() {
        qt().forAll(HistoryGenerator.histories()).checkAssert(terms -> {
            RetentionMatrix logo = Cohorts.retention(SubscriptionHistories.of(terms),
                    YearMonth.of(2024, 1), YearMonth.of(2024, 8), ZoneOffset.UTC,
                    ChurnPolicy.STANDARD).logo();
            for (RetentionMatrix.Row row : logo.rows()) {
                for (Ratio cell : row.cells()) {
                    if (cell.isDefined()) {
                        assertThat(cell.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                    }
                }
            }
            List<Ratio> averages = logo.weightedAverages();
            assertThat(averages).hasSize(8);
        });
    }
}
