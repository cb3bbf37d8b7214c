package dev.cskit.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthModelTest {

    private static final HealthModel MODEL = new HealthModel(java.util.List.of(
            new HealthMeasure("logins", BigDecimal.valueOf(2), BigDecimal.ZERO,
                    BigDecimal.TEN),
            new HealthMeasure("tickets", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO),
            new HealthMeasure("nps", BigDecimal.ONE, BigDecimal.valueOf(-100),
                    BigDecimal.valueOf(100))));

    private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2024-04-01T00:00:00Z");

    /**
     * By hand: logins 4 -> 40; tickets 2 (lower is better) -> (10 - 2) / 10 = 80; NPS 50 ->
     * 150 / 200 = 75. Score = (2 x 40 + 80 + 75) / 4 = 58.75; contributions 20, 20, 18.75.
     */
    @Test
    void score_weightedContributionsAddUp() {
        HealthScore score = MODEL.score(MARCH, Map.of("logins", BigDecimal.valueOf(4),
                "tickets", BigDecimal.valueOf(2), "nps", BigDecimal.valueOf(50)));

        assertThat(score.score().value()).isEqualByComparingTo("58.75");
        assertThat(score.contributions()).extracting(HealthScore.Contribution::points)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("20"),
                        new BigDecimal("18.75"));
        assertThat(score.missing()).isEmpty();
    }

    /**
     * A month later: logins 12 -> clipped to 100, tickets 2 -> 80, NPS not observed, so the
     * weights renormalise over 3: (200 + 80) / 3 = 93.33...; change 93.33... - 58.75 =
     * 34.583...; logins' points 66.66... - 20 = 46.66...
     */
    @Test
    void trend_betweenTwoDates() {
        HealthScore march = MODEL.score(MARCH, Map.of("logins", BigDecimal.valueOf(4),
                "tickets", BigDecimal.valueOf(2), "nps", BigDecimal.valueOf(50)));
        HealthScore april = MODEL.score(APRIL, Map.of("logins", BigDecimal.valueOf(12),
                "tickets", BigDecimal.valueOf(2)));

        HealthScore.Trend trend = march.trendTo(april);

        assertThat(april.missing()).containsExactly("nps");
        assertThat(april.score().value().doubleValue()).isCloseTo(280.0 / 3, within(1e-9));
        assertThat(trend.change().value().doubleValue()).isCloseTo(280.0 / 3 - 58.75,
                within(1e-9));
        assertThat(trend.measures().get(0).points().doubleValue()).isCloseTo(200.0 / 3 - 20,
                within(1e-9));
    }

    @Test
    void score_nothingObservedIsUndefined() {
        HealthScore score = MODEL.score(MARCH, Map.of());

        assertThat(score.score().isDefined()).isFalse();
        assertThat(score.missing()).hasSize(3);
    }
}
