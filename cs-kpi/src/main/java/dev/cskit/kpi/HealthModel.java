package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.kpi.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An explainable customer health score: a weighted mean of measures, each normalised onto 0
 * to 100 by its documented thresholds ({@link HealthMeasure}).
 *
 * <p>{@code score = sum(w_i s_i) / sum(w_i)} over the measures observed, where {@code s_i} is
 * measure {@code i}'s normalised value. Each measure's contribution {@code w_i s_i /
 * sum(w_i)} is reported, so the contributions add up to the score exactly. A measure not
 * observed is listed as missing and the others' weights are renormalised; when none is
 * observed the score is undefined. Immutable and thread-safe.
 *
 * @param measures the measures, at least one, names unique
 */
public record HealthModel(List<HealthMeasure> measures) {

    /**
     * Validates and copies the measures.
     *
     * @throws InvalidInputException if there are none or two share a name
     */
    public HealthModel {
        measures = List.copyOf(measures);
        Set<String> names = new HashSet<>();
        for (HealthMeasure measure : measures) {
            if (!names.add(measure.name())) {
                throw new InvalidInputException("measure.name", measure.name(),
                        "must be unique in the model");
            }
        }
        if (measures.isEmpty()) {
            throw new InvalidInputException("measures", "[]", "must hold at least one measure");
        }
    }

    /**
     * Scores one customer at an instant.
     *
     * @param at the instant the observations describe, given by the caller
     * @param observed per measure name, the observed value; names the model does not know
     *     are refused
     * @return the score with each measure's contribution
     * @throws InvalidInputException if an observation names an unknown measure
     */
    public HealthScore score(Instant at, Map<String, BigDecimal> observed) {
        for (String name : observed.keySet()) {
            if (measures.stream().noneMatch(m -> m.name().equals(name))) {
                throw new InvalidInputException("observed", name, "is not a measure of the model");
            }
        }
        BigDecimal weights = BigDecimal.ZERO;
        for (HealthMeasure measure : measures) {
            if (observed.get(measure.name()) != null) {
                weights = weights.add(measure.weight());
            }
        }
        List<HealthScore.Contribution> contributions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (HealthMeasure measure : measures) {
            BigDecimal value = observed.get(measure.name());
            if (value == null) {
                missing.add(measure.name());
                continue;
            }
            BigDecimal normalised = measure.normalise(value);
            BigDecimal share = Decimals.divide(measure.weight(), weights);
            BigDecimal points = Decimals.divide(measure.weight().multiply(normalised), weights);
            total = total.add(points);
            contributions.add(new HealthScore.Contribution(measure.name(), value, normalised,
                    share, points));
        }
        KpiValue score = contributions.isEmpty()
                ? KpiValue.undefined("no measure observed at " + at) : KpiValue.of(total);
        return new HealthScore(at, score, List.copyOf(contributions), List.copyOf(missing));
    }
}
