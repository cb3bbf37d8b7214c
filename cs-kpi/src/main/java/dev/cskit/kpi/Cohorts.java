package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.kpi.internal.MrrTimeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Cohort retention: customers grouped by the month they first paid (their signup month), and
 * what share of them, and of their MRR, is still there each month after.
 *
 * <p>For the cohort of month {@code c}, column {@code k} (0 = the signup month) holds:
 * <ul>
 *   <li>logo retention: the cohort's customers paying at the end of month {@code c + k}, over
 *       the cohort's size. Column 0 is below 1 when customers leave within their first month
 *       (as in Baremetrics' retention table, where column 0 is "the percentage of sign ups
 *       that remained a customer");</li>
 *   <li>revenue retention: the cohort's MRR at the end of month {@code c + k}, over the MRR
 *       its customers first paid. It exceeds 1 when expansion outweighs churn.</li>
 * </ul>
 * "At the end of a month" means just before the next month starts, as for the MRR bridge.
 * Only months up to the last observed month are filled, so the matrix is a triangle. The
 * weighted average of a column is the sum of its numerators over the sum of its
 * denominators, so each cohort weighs by its size (logo) or starting MRR (revenue).
 *
 * <p>Cost: one pass over each customer's change points plus one step per observed month;
 * pure and thread-safe.
 */
public final class Cohorts {

    private Cohorts() {
    }

    /**
     * Computes logo and revenue retention matrices.
     *
     * @param histories the subscription histories
     * @param first the first cohort month
     * @param last the last observed month, not before {@code first}
     * @param zone the zone whose midnights bound the months
     * @param policy the churn policy (only its recognition rule matters here)
     * @return the two matrices
     * @throws InvalidInputException if {@code last} is before {@code first}
     */
    public static CohortRetention retention(SubscriptionHistories histories, YearMonth first,
            YearMonth last, ZoneId zone, ChurnPolicy policy) {
        if (last.isBefore(first)) {
            throw new InvalidInputException("last", last, "must not be before " + first);
        }
        int months = (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
        Instant[] bounds = new Instant[months + 1];
        for (int m = 0; m <= months; m++) {
            bounds[m] = first.plusMonths(m).atDay(1).atStartOfDay(zone).toInstant();
        }
        long[] sizes = new long[months];
        long[] startMrr = new long[months];
        long[][] logo = new long[months][];
        long[][] revenue = new long[months][];
        for (int r = 0; r < months; r++) {
            logo[r] = new long[months - r];
            revenue[r] = new long[months - r];
        }
        MrrTimeline timeline = histories.timeline(policy.recognition());
        for (int c = 0; c < timeline.customerCount(); c++) {
            addCustomer(timeline, c, bounds, sizes, startMrr, logo, revenue);
        }
        return build(first, histories.currency(), sizes, startMrr, logo, revenue);
    }

    private static void addCustomer(MrrTimeline timeline, int c, Instant[] bounds,
            long[] sizes, long[] startMrr, long[][] logo, long[][] revenue) {
        int paid = timeline.firstPaid(c);
        if (paid < 0) {
            return;
        }
        int row = monthOf(timeline.time(paid), bounds);
        if (row < 0) {
            return;
        }
        sizes[row]++;
        startMrr[row] += timeline.value(paid);

        // Walk the month ends after signup, moving along the customer's change points.
        int i = paid;
        int limit = timeline.limit(c);
        for (int k = 0; k < logo[row].length; k++) {
            Instant monthEnd = bounds[row + k + 1];
            while (i + 1 < limit && timeline.time(i + 1).isBefore(monthEnd)) {
                i++;
            }
            long value = timeline.value(i);
            logo[row][k] += value > 0 ? 1 : 0;
            revenue[row][k] += value;
        }
    }

    private static int monthOf(Instant at, Instant[] bounds) {
        if (at.isBefore(bounds[0]) || !at.isBefore(bounds[bounds.length - 1])) {
            return -1;
        }
        int lo = 0;
        int hi = bounds.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (at.isBefore(bounds[mid])) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    private static CohortRetention build(YearMonth first, Currency currency, long[] sizes,
            long[] startMrr, long[][] logo, long[][] revenue) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        List<RetentionMatrix.Row> logoRows = new ArrayList<>();
        List<RetentionMatrix.Row> revenueRows = new ArrayList<>();
        for (int r = 0; r < sizes.length; r++) {
            YearMonth cohort = first.plusMonths(r);
            String empty = "no customers first paid in " + cohort;
            List<Ratio> logoCells = new ArrayList<>();
            List<Ratio> revenueCells = new ArrayList<>();
            BigDecimal base = BigDecimal.valueOf(startMrr[r], digits);
            for (int k = 0; k < logo[r].length; k++) {
                logoCells.add(Ratio.of(logo[r][k], sizes[r], empty));
                revenueCells.add(Ratio.of(BigDecimal.valueOf(revenue[r][k], digits), base,
                        empty));
            }
            logoRows.add(new RetentionMatrix.Row(cohort, BigDecimal.valueOf(sizes[r]),
                    List.copyOf(logoCells)));
            revenueRows.add(new RetentionMatrix.Row(cohort, base, List.copyOf(revenueCells)));
        }
        return new CohortRetention(new RetentionMatrix(List.copyOf(logoRows)),
                new RetentionMatrix(List.copyOf(revenueRows)));
    }

    /**
     * The logo and the revenue retention matrices of the same cohorts.
     *
     * @param logo customers still paying over cohort size
     * @param revenue cohort MRR over the MRR its customers first paid, in major units
     */
    public record CohortRetention(RetentionMatrix logo, RetentionMatrix revenue) {
    }
}
