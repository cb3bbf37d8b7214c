package dev.cskit.kpi;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Process KPIs from plain records of what customers did: funnel conversion per step, time to
 * value, time in stage, stuck rate and onboarding completion. Pure and thread-safe.
 */
public final class ProcessKpis {

    private ProcessKpis() {
    }

    /**
     * Computes a funnel: of the customers who reached the first step within the period, how
     * many reached each later step, at any time.
     *
     * <p>The funnel is strict: a customer counts at a step only if it reached every step
     * before it, so each step's count is at most the previous one's and every conversion is
     * in [0, 1].
     *
     * @param steps the steps in order, at least one, no duplicates
     * @param progress who reached which step when, in any order; steps outside the list are
     *     refused
     * @param period when the first step was reached
     * @return per step, its count and conversions
     * @throws InvalidInputException if the steps are empty or repeated, or progress names an
     *     unknown step
     */
    public static List<FunnelStep> funnel(List<String> steps, Collection<FunnelProgress> progress,
            Period period) {
        if (steps.isEmpty() || new HashSet<>(steps).size() != steps.size()) {
            throw new InvalidInputException("steps", steps, "must be at least one, no repeats");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.put(steps.get(i), i);
        }
        Map<CustomerId, boolean[]> reached = new HashMap<>();
        for (FunnelProgress entry : progress) {
            Integer step = index.get(entry.step());
            if (step == null) {
                throw new InvalidInputException("funnelProgress.step", entry.step(),
                        "must be one of " + steps);
            }
            if (step == 0 && !period.contains(entry.reachedAt())) {
                continue;
            }
            reached.computeIfAbsent(entry.customer(), k -> new boolean[steps.size()])[step] = true;
        }

        // A customer counts up to the first step it did not reach.
        long[] counts = new long[steps.size()];
        for (boolean[] customer : reached.values()) {
            for (int i = 0; i < steps.size() && customer[i]; i++) {
                counts[i]++;
            }
        }
        List<FunnelStep> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            long previous = i == 0 ? counts[0] : counts[i - 1];
            String none = "no customers reached " + (i == 0 ? steps.get(0) : steps.get(i - 1))
                    + " in " + period;
            result.add(new FunnelStep(steps.get(i), counts[i],
                    Ratio.of(counts[i], previous, none),
                    Ratio.of(counts[i], counts[0], "no customers entered the funnel in "
                            + period)));
        }
        return List.copyOf(result);
    }

    /**
     * One step of a funnel.
     *
     * @param step the step's name
     * @param customers the customers who reached it and every step before
     * @param fromPrevious conversion from the previous step (1 for the first)
     * @param fromFirst conversion from the first step
     */
    public record FunnelStep(String step, long customers, Ratio fromPrevious, Ratio fromFirst) {
    }

    /**
     * Computes time to value: from the start of onboarding to the first quick win, for the
     * journeys started in the period that reached one. Journeys without a first win are left
     * out of the durations; {@link #onboardingCompletion} and the journey counts show them.
     *
     * @param journeys the onboarding journeys
     * @param period when onboarding started
     * @return the durations and their percentiles
     */
    public static DurationSummary timeToValue(Collection<OnboardingJourney> journeys,
            Period period) {
        List<Duration> durations = new ArrayList<>();
        for (OnboardingJourney journey : journeys) {
            if (period.contains(journey.startedAt()) && journey.firstValueAt().isPresent()) {
                durations.add(Duration.between(journey.startedAt(), journey.firstValueAt().get()));
            }
        }
        return DurationSummary.of(durations);
    }

    /**
     * Computes the onboarding completion rate: of the journeys started in the period, the
     * share completed.
     *
     * @param journeys the onboarding journeys
     * @param period when onboarding started
     * @return completed over started, undefined when none started
     */
    public static Ratio onboardingCompletion(Collection<OnboardingJourney> journeys,
            Period period) {
        long started = 0;
        long completed = 0;
        for (OnboardingJourney journey : journeys) {
            if (period.contains(journey.startedAt())) {
                started++;
                completed += journey.completedAt().isPresent() ? 1 : 0;
            }
        }
        return Ratio.of(completed, started, "no onboarding started in " + period);
    }

    /**
     * Computes time in a stage from the stays in it that ended within the period. Stays still
     * running are left out (their length is not known yet); {@link #stuckRate} covers them.
     *
     * @param stays the stays, of any stages
     * @param stage the stage
     * @param period when the stays ended
     * @return the durations and their percentiles
     */
    public static DurationSummary timeInStage(Collection<StageStay> stays, String stage,
            Period period) {
        List<Duration> durations = new ArrayList<>();
        for (StageStay stay : stays) {
            if (stay.stage().equals(stage) && stay.leftAt().isPresent()
                    && period.contains(stay.leftAt().get())) {
                durations.add(stay.length().orElseThrow());
            }
        }
        return DurationSummary.of(durations);
    }

    /**
     * Computes the stuck rate of a stage at an instant: of the customers in the stage then,
     * the share who have been in it longer than the limit.
     *
     * @param stays the stays, of any stages
     * @param stage the stage
     * @param at the instant, given by the caller
     * @param limit the longest a customer should stay; positive
     * @return stuck over in the stage, undefined when the stage is empty at {@code at}
     * @throws InvalidInputException if the limit is not positive
     */
    public static Ratio stuckRate(Collection<StageStay> stays, String stage, Instant at,
            Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new InvalidInputException("limit", limit, "must be positive");
        }
        long open = 0;
        long stuck = 0;
        for (StageStay stay : stays) {
            if (stay.stage().equals(stage) && stay.isOpenAt(at)) {
                open++;
                stuck += Duration.between(stay.enteredAt(), at).compareTo(limit) > 0 ? 1 : 0;
            }
        }
        return Ratio.of(stuck, open, "no customer is in " + stage + " at " + at);
    }
}
