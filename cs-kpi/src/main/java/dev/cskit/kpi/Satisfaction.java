package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.SurveyResponse;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Satisfaction KPIs from survey answers: NPS with its standard error and margin of error,
 * CSAT and CES. Each function reads the answers of its own survey kind that were given within
 * the period and ignores the rest. Pure and thread-safe.
 */
public final class Satisfaction {

    /** The z value of a two-sided 95% normal interval. */
    public static final BigDecimal Z_95 = new BigDecimal("1.96");

    private Satisfaction() {
    }

    /**
     * Computes the Net Promoter Score: the percentage of promoters (9-10) minus the percentage
     * of detractors (0-6), from -100 to 100. See {@link Nps} for its standard error.
     *
     * @param responses survey answers of any kinds
     * @param period the answers' period
     * @return the score with its counts
     */
    public static Nps nps(Collection<SurveyResponse> responses, Period period) {
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (SurveyResponse response : responses) {
            if (response.kind() != SurveyKind.NPS || !period.contains(response.answeredAt())) {
                continue;
            }
            if (response.score() >= 9) {
                promoters++;
            } else if (response.score() >= 7) {
                passives++;
            } else {
                detractors++;
            }
        }
        return new Nps(period, promoters, passives, detractors);
    }

    /**
     * Computes the Customer Satisfaction score: the share of CSAT answers of 4 or 5 on the 1-5
     * scale.
     *
     * @param responses survey answers of any kinds
     * @param period the answers' period
     * @return satisfied answers over all CSAT answers, undefined without answers
     */
    public static Ratio csat(Collection<SurveyResponse> responses, Period period) {
        long satisfied = 0;
        long answers = 0;
        for (SurveyResponse response : responses) {
            if (response.kind() == SurveyKind.CSAT && period.contains(response.answeredAt())) {
                answers++;
                satisfied += response.score() >= 4 ? 1 : 0;
            }
        }
        return Ratio.of(satisfied, answers, "no CSAT answers in " + period);
    }

    /**
     * Computes the Customer Effort Score on the 7-point agreement scale ("it was easy to ..."):
     * the mean answer, and the share agreeing (5, 6 or 7).
     *
     * @param responses survey answers of any kinds
     * @param period the answers' period
     * @return the mean and the share, both undefined without answers
     */
    public static Ces ces(Collection<SurveyResponse> responses, Period period) {
        long sum = 0;
        long agreeing = 0;
        long answers = 0;
        for (SurveyResponse response : responses) {
            if (response.kind() == SurveyKind.CES && period.contains(response.answeredAt())) {
                answers++;
                sum += response.score();
                agreeing += response.score() >= 5 ? 1 : 0;
            }
        }
        String none = "no CES answers in " + period;
        return new Ces(Ratio.of(sum, answers, none), Ratio.of(agreeing, answers, none));
    }

    /**
     * The result of a CES survey.
     *
     * @param mean the sum of answers over their count, from 1 to 7
     * @param agreeing the answers of 5 to 7 over all answers
     */
    public record Ces(Ratio mean, Ratio agreeing) {
    }

    static void checkZ(BigDecimal z) {
        if (z == null || z.signum() <= 0) {
            throw new InvalidInputException("z", z, "must be positive (1.96 for 95%)");
        }
    }
}
