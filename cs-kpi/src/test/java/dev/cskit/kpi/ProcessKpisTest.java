package dev.cskit.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessKpisTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private static final Period MARCH = Terms.period("2024-03");

    private static FunnelProgress reached(String customer, String step, Instant at) {
        return new FunnelProgress(CustomerId.of(customer), step, at);
    }

    private static OnboardingJourney journey(String customer, long hoursToValue,
            boolean completed) {
        return new OnboardingJourney(CustomerId.of(customer), T0,
                hoursToValue < 0 ? Optional.empty()
                        : Optional.of(T0.plusSeconds(3600 * hoursToValue)),
                completed ? Optional.of(T0.plusSeconds(86_400)) : Optional.empty());
    }

    /**
     * x reaches all three steps, y skips setup, z stops after setup, w entered in February.
     * Strict counts: signup 3, setup 2 (x, z), first-win 1 (x).
     */
    @Test
    void funnel_strictConversionPerStep() {
        Instant feb = Instant.parse("2024-02-10T00:00:00Z");
        List<ProcessKpis.FunnelStep> funnel = ProcessKpis.funnel(
                List.of("signup", "setup", "first-win"),
                List.of(reached("x", "signup", T0), reached("x", "setup", T0),
                        reached("x", "first-win", T0), reached("y", "signup", T0),
                        reached("y", "first-win", T0), reached("z", "signup", T0),
                        reached("z", "setup", T0), reached("w", "signup", feb),
                        reached("w", "setup", T0)), MARCH);

        assertThat(funnel).extracting(ProcessKpis.FunnelStep::customers).containsExactly(3L, 2L,
                1L);
        assertThat(funnel.get(1).fromPrevious()).isEqualTo(Ratio.of(2, 3, "-"));
        assertThat(funnel.get(2).fromPrevious()).isEqualTo(Ratio.of(1, 2, "-"));
        assertThat(funnel.get(2).fromFirst()).isEqualTo(Ratio.of(1, 3, "-"));
    }

    @Test
    void funnel_refusesUnknownStep() {
        assertThatThrownBy(() -> ProcessKpis.funnel(List.of("signup"),
                List.of(reached("x", "typo", T0)), MARCH))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("typo");
    }

    /**
     * Times to value 1, 2, 3 and 10 hours (and one journey without a win). Type 7: median
     * h = 3 x 0.5 = 1.5 -> 2 h + 0.5 x 1 h = 2.5 h = 9,000 s; 90th h = 2.7 -> 3 h + 0.7 x 7 h
     * = 7.9 h = 28,440 s (numpy.percentile([1, 2, 3, 10], 90) = 7.9). Completion 3 of 5.
     */
    @Test
    void timeToValueAndCompletion_byHand() {
        List<OnboardingJourney> journeys = List.of(journey("a", 1, true), journey("b", 2, true),
                journey("c", 3, true), journey("d", 10, false), journey("e", -1, false));

        DurationSummary ttv = ProcessKpis.timeToValue(journeys, MARCH);

        assertThat(ttv.count()).isEqualTo(4);
        assertThat(ttv.median().value()).isEqualByComparingTo("9000");
        assertThat(ttv.percentile(BigDecimal.valueOf(90)).value()).isEqualByComparingTo("28440");
        assertThat(ttv.percentile(BigDecimal.ZERO).value()).isEqualByComparingTo("3600");
        assertThat(ttv.mean().value()).isEqualByComparingTo("14400");
        assertThat(ProcessKpis.onboardingCompletion(journeys, MARCH))
                .isEqualTo(Ratio.of(3, 5, "-"));
    }

    /**
     * At 21 March, setup holds a customer for 10 days and one for 2 days; a third left on
     * 16 March. Limit 7 days: stuck rate 1/2. Time in setup of stays ended in March: the
     * third's 15 days, 1,296,000 s.
     */
    @Test
    void stuckRateAndTimeInStage_byHand() {
        Instant at = Instant.parse("2024-03-21T00:00:00Z");
        List<StageStay> stays = List.of(
                new StageStay(CustomerId.of("a"), "setup", at.minus(Duration.ofDays(10)),
                        Optional.empty()),
                new StageStay(CustomerId.of("b"), "setup", at.minus(Duration.ofDays(2)),
                        Optional.empty()),
                new StageStay(CustomerId.of("c"), "setup", Instant.parse("2024-03-01T00:00:00Z"),
                        Optional.of(Instant.parse("2024-03-16T00:00:00Z"))),
                new StageStay(CustomerId.of("d"), "training", at.minus(Duration.ofDays(30)),
                        Optional.empty()));

        assertThat(ProcessKpis.stuckRate(stays, "setup", at, Duration.ofDays(7)))
                .isEqualTo(Ratio.of(1, 2, "-"));
        assertThat(ProcessKpis.timeInStage(stays, "setup", MARCH).median().value())
                .isEqualByComparingTo("1296000");
        assertThat(ProcessKpis.stuckRate(stays, "renewal", at, Duration.ofDays(7)).isDefined())
                .isFalse();
    }
}
