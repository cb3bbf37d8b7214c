package dev.cskit.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A health score at an instant with what made it: each observed measure's value, normalised
 * value, weight share and points. The points add up to the score. Built by
 * {@link HealthModel#score}; immutable and thread-safe.
 *
 * @param at the instant the observations describe
 * @param score the score from 0 to 100, undefined when no measure was observed
 * @param contributions per observed measure, in the model's order
 * @param missing the measures not observed
 */
public record HealthScore(Instant at, KpiValue score, List<Contribution> contributions,
        List<String> missing) {

    /**
     * What one measure adds to the score.
     *
     * @param measure the measure's name
     * @param observed the observed value
     * @param normalised the value normalised onto 0 to 100
     * @param weightShare the measure's weight over the observed measures' weights
     * @param points {@code weightShare x normalised}, the measure's part of the score
     */
    public record Contribution(String measure, BigDecimal observed, BigDecimal normalised,
            BigDecimal weightShare, BigDecimal points) {
    }

    /**
     * Compares this score with a later one: the change of the score and of each measure's
     * points.
     *
     * @param later the later score of the same customer and model
     * @return the trend from this score to the later one
     */
    public Trend trendTo(HealthScore later) {
        KpiValue change = score.isDefined() && later.score.isDefined()
                ? KpiValue.of(later.score.value().subtract(score.value()))
                : KpiValue.undefined("a score is undefined: "
                        + (score.isDefined() ? later.score : score).reason().orElseThrow());
        Map<String, BigDecimal> before = new HashMap<>();
        contributions.forEach(c -> before.put(c.measure(), c.points()));
        List<Trend.MeasureChange> changes = new ArrayList<>();
        for (Contribution contribution : later.contributions) {
            BigDecimal earlier = before.get(contribution.measure());
            if (earlier != null) {
                changes.add(new Trend.MeasureChange(contribution.measure(),
                        contribution.points().subtract(earlier)));
            }
        }
        return new Trend(at, later.at, change, List.copyOf(changes));
    }

    /**
     * How a health score moved between two instants.
     *
     * @param from the earlier instant
     * @param to the later instant
     * @param change the later score minus the earlier one
     * @param measures per measure observed at both instants, the change of its points
     */
    public record Trend(Instant from, Instant to, KpiValue change,
            List<MeasureChange> measures) {

        /**
         * The change of one measure's points.
         *
         * @param measure the measure's name
         * @param points later points minus earlier points
         */
        public record MeasureChange(String measure, BigDecimal points) {
        }
    }
}
