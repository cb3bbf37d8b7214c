package dev.cskit.kpi;

import static dev.cskit.kpi.Terms.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cskit.core.CustomerId;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.SurveyResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SatisfactionTest {

    private static final Instant IN_MARCH = Instant.parse("2024-03-10T00:00:00Z");

    static List<SurveyResponse> answers(SurveyKind kind, int... scores) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            responses.add(SurveyResponse.builder().id(kind + "-" + i)
                    .customerId(CustomerId.of("c" + i)).kind(kind).score(scores[i])
                    .answeredAt(IN_MARCH).build());
        }
        return responses;
    }

    /**
     * Cross Validated, "How can I calculate margin of error in a NPS result?" (accepted
     * answer): promoters 1/2, passives 1/3, detractors 1/6 give NPS = 1/3 and a variance per
     * answer of 5/9. With 6 answers (3 promoters, 2 passives, 1 detractor):
     * score = 100 x (3 - 1) / 6 = 33.33...; SE = 100 sqrt(5/9 / 6) = 100 sqrt(5/54)
     * = 30.4290309...; the formula pP(1-pP) + pD(1-pD) + 2 pP pD = 1/4 + 5/36 + 1/6 = 20/36
     * = 5/9 agrees. Margin at z = 1.96: 59.6409...
     */
    @Test
    void nps_crossValidatedWorkedExample() {
        Nps nps = Satisfaction.nps(answers(SurveyKind.NPS, 10, 9, 9, 8, 7, 3), period("2024-03"));

        assertThat(nps.score().value().doubleValue()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(nps.standardError().value().doubleValue())
                .isCloseTo(100 * Math.sqrt(5.0 / 54), within(1e-12));
        assertThat(nps.marginOfError(Satisfaction.Z_95).value().doubleValue())
                .isCloseTo(196 * Math.sqrt(5.0 / 54), within(1e-12));
    }

    @Test
    void nps_ignoresOtherKindsAndPeriods() {
        List<SurveyResponse> responses = new ArrayList<>(answers(SurveyKind.NPS, 10, 0));
        responses.addAll(answers(SurveyKind.CSAT, 5));
        responses.add(SurveyResponse.builder().id("april").customerId(CustomerId.of("x"))
                .kind(SurveyKind.NPS).score(10).answeredAt(Instant.parse("2024-04-02T00:00:00Z"))
                .build());

        Nps nps = Satisfaction.nps(responses, period("2024-03"));

        assertThat(nps.answers()).isEqualTo(2);
        assertThat(nps.score().value()).isEqualByComparingTo("0");
    }

    @Test
    void nps_noAnswersIsUndefined() {
        Nps nps = Satisfaction.nps(List.of(), period("2024-03"));

        assertThat(nps.score().isDefined()).isFalse();
        assertThat(nps.standardError().reason()).get().asString().contains("no NPS answers");
    }

    /** CSAT: 4 and 5 satisfied out of 1, 2, 3, 4, 5, 5: 3 / 6 = 50%. */
    @Test
    void csat_shareOfFourAndFive() {
        Ratio csat = Satisfaction.csat(answers(SurveyKind.CSAT, 1, 2, 3, 4, 5, 5),
                period("2024-03"));

        assertThat(csat).isEqualTo(Ratio.of(3, 6, "-"));
    }

    /** CES: answers 7, 6, 5, 4, 1: mean 23 / 5 = 4.6; agreeing (5-7) 3 / 5 = 60%. */
    @Test
    void ces_meanAndShareAgreeing() {
        Satisfaction.Ces ces = Satisfaction.ces(answers(SurveyKind.CES, 7, 6, 5, 4, 1),
                period("2024-03"));

        assertThat(ces.mean().value()).isEqualByComparingTo(new BigDecimal("4.6"));
        assertThat(ces.agreeing().value()).isEqualByComparingTo(new BigDecimal("0.6"));
    }
}
