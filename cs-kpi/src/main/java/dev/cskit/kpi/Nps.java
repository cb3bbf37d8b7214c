package dev.cskit.kpi;

import dev.cskit.kpi.internal.Decimals;
import java.math.BigDecimal;

/**
 * A Net Promoter Score with its counts, standard error and margin of error.
 *
 * <p>With {@code n} answers, {@code pP} the share of promoters (9-10) and {@code pD} of
 * detractors (0-6): {@code NPS = 100 (pP - pD)}, in [-100, 100]. Reading each answer as +1
 * (promoter), 0 (passive) or -1 (detractor), NPS/100 is their mean, and its standard error is
 * <pre>
 *   SE = 100 sqrt((pP (1 - pP) + pD (1 - pD) + 2 pP pD) / n)
 * </pre>
 * from {@code Var(pP - pD) = Var(pP) + Var(pD) - 2 Cov(pP, pD)} with the multinomial
 * {@code Var(p) = p (1 - p) / n} and {@code Cov(pP, pD) = -pP pD / n}, as derived by A.
 * Engelhardt, "Net Promoter Score confidence intervals 2: maths and stats" (CYBAEA, 2016) and
 * in the answer to "How can I calculate margin of error in a NPS result?" on Cross Validated
 * (which writes the same variance as {@code pP + pD - (pP - pD)^2}). The margin of error is
 * {@code z SE}: the normal approximation, assuming a simple random sample from a population
 * much larger than {@code n}.
 *
 * <p>Note: for small samples or shares near 0 or 1 the normal interval is poor; the standard
 * error is reported anyway, with the counts to judge it.
 *
 * @param period the answers' period
 * @param promoters answers of 9 or 10
 * @param passives answers of 7 or 8
 * @param detractors answers of 0 to 6
 */
public record Nps(Period period, long promoters, long passives, long detractors) {

    /** @return all answers */
    public long answers() {
        return promoters + passives + detractors;
    }

    /** @return the score from -100 to 100, undefined without answers */
    public KpiValue score() {
        return Ratio.of(BigDecimal.valueOf(100 * (promoters - detractors)),
                BigDecimal.valueOf(answers()), noAnswers()).toKpiValue();
    }

    /** @return the standard error in score points, undefined without answers */
    public KpiValue standardError() {
        long n = answers();
        if (n == 0) {
            return KpiValue.undefined(noAnswers());
        }
        // Exact variance of one answer, as a fraction over n^2, then divided by n once more.
        BigDecimal bigN = BigDecimal.valueOf(n);
        BigDecimal p = BigDecimal.valueOf(promoters);
        BigDecimal d = BigDecimal.valueOf(detractors);
        BigDecimal numerator = p.multiply(bigN.subtract(p)).add(d.multiply(bigN.subtract(d)))
                .add(BigDecimal.valueOf(2).multiply(p).multiply(d));
        BigDecimal variance = Decimals.divide(numerator, bigN.pow(3));
        return KpiValue.of(variance.sqrt(Decimals.PRECISION).multiply(BigDecimal.valueOf(100)));
    }

    /**
     * Returns the margin of error {@code z SE}.
     *
     * @param z the normal quantile, such as {@link Satisfaction#Z_95}
     * @return the margin in score points, undefined without answers
     */
    public KpiValue marginOfError(BigDecimal z) {
        Satisfaction.checkZ(z);
        KpiValue se = standardError();
        return se.isDefined() ? KpiValue.of(se.value().multiply(z)) : se;
    }

    private String noAnswers() {
        return "no NPS answers in " + period;
    }
}
