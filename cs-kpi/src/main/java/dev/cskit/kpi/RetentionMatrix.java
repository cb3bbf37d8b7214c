package dev.cskit.kpi;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A cohort retention triangle: one row per signup month, one cell per month since signup
 * that has been observed. Built by {@link Cohorts}; immutable and thread-safe.
 *
 * @param rows the cohorts, oldest first
 */
public record RetentionMatrix(List<Row> rows) {

    /**
     * One cohort.
     *
     * @param cohort the signup month
     * @param base what the cells divide by: the cohort's size, or the MRR it first paid
     * @param cells per month since signup (0 = the signup month), the share retained
     */
    public record Row(YearMonth cohort, BigDecimal base, List<Ratio> cells) {
    }

    /**
     * Returns the weighted average of each column over the cohorts that reached it: the sum
     * of the column's numerators over the sum of its denominators.
     *
     * @return per month since signup, the average; undefined for a column whose cohorts are
     *     all empty
     */
    public List<Ratio> weightedAverages() {
        int columns = rows.isEmpty() ? 0 : rows.get(0).cells().size();
        List<Ratio> averages = new ArrayList<>(columns);
        for (int k = 0; k < columns; k++) {
            BigDecimal numerator = BigDecimal.ZERO;
            BigDecimal denominator = BigDecimal.ZERO;
            for (Row row : rows) {
                if (k < row.cells().size()) {
                    numerator = numerator.add(row.cells().get(k).numerator());
                    denominator = denominator.add(row.cells().get(k).denominator());
                }
            }
            averages.add(Ratio.of(numerator, denominator,
                    "no customers in the cohorts observed " + k + " months after signup"));
        }
        return List.copyOf(averages);
    }
}
