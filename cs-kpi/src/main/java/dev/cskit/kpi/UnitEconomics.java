package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import dev.cskit.kpi.internal.Decimals;
import java.math.BigDecimal;
import java.util.List;

/**
 * Unit economics: lifetime value, LTV:CAC and CAC payback, from an ARPA, a gross margin and a
 * churn rate that the caller computed (usually with {@link MrrSnapshot#arpa()} and
 * {@link CustomerRetention#churnRate()}).
 *
 * <p>Units must match: a monthly ARPA with a monthly churn rate gives an LTV in the ARPA's
 * currency and a payback in months. Amounts are decimals in major units of one currency.
 * A zero churn rate makes LTV undefined (the simple formula has no finite lifetime) rather
 * than substituting a rate, which some vendors do. Pure and thread-safe.
 */
public final class UnitEconomics {

    private UnitEconomics() {
    }

    /**
     * The average of several periods' churn rates, for a trailing-average LTV: the mean of the
     * rates, each period weighing the same.
     *
     * @param rates the periods' churn rates, at least one
     * @return the sum of the rates over their count; undefined, naming the first undefined
     *     rate's reason, when any rate is undefined
     * @throws InvalidInputException if there are no rates
     */
    public static Ratio trailingAverage(List<Ratio> rates) {
        if (rates.isEmpty()) {
            throw new InvalidInputException("rates", "[]", "must hold at least one rate");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Ratio rate : rates) {
            if (!rate.isDefined()) {
                return Ratio.of(BigDecimal.ZERO, BigDecimal.ZERO,
                        "a trailing rate is undefined: " + rate.reason().orElseThrow());
            }
            sum = sum.add(rate.value());
        }
        return Ratio.of(sum, BigDecimal.valueOf(rates.size()), "no rates");
    }

    /**
     * Computes lifetime value {@code LTV = ARPA x gross margin / churn rate}.
     *
     * @param arpa average revenue per account per period; undefined makes LTV undefined
     * @param grossMargin the gross margin, from 0 to 1
     * @param churnRate the customer churn rate per period (or a {@link #trailingAverage})
     * @return the LTV with its parts
     * @throws InvalidInputException if the gross margin is outside [0, 1]
     */
    public static Ltv ltv(Ratio arpa, BigDecimal grossMargin, Ratio churnRate) {
        checkMargin(grossMargin);
        KpiValue value;
        if (!arpa.isDefined()) {
            value = KpiValue.undefined("ARPA is undefined: " + arpa.reason().orElseThrow());
        } else if (!churnRate.isDefined()) {
            value = KpiValue.undefined("churn rate is undefined: "
                    + churnRate.reason().orElseThrow());
        } else if (churnRate.value().signum() == 0) {
            value = KpiValue.undefined("churn rate is zero: no finite lifetime");
        } else {
            value = KpiValue.of(Decimals.divide(arpa.value().multiply(grossMargin),
                    churnRate.value()));
        }
        return new Ltv(arpa, grossMargin, churnRate, value);
    }

    /**
     * Computes {@code LTV / CAC}.
     *
     * @param ltv the lifetime value
     * @param cac the cost of acquiring one customer, in the same currency; positive
     * @return the ratio, undefined when LTV is
     * @throws InvalidInputException if CAC is not positive
     */
    public static KpiValue ltvToCac(Ltv ltv, BigDecimal cac) {
        checkCac(cac);
        return ltv.value().isDefined() ? KpiValue.of(Decimals.divide(ltv.value().value(), cac))
                : ltv.value();
    }

    /**
     * Computes the months to earn back the cost of acquiring a customer: {@code CAC / (ARPA x
     * gross margin)}, with a monthly ARPA.
     *
     * @param cac the cost of acquiring one customer; positive
     * @param monthlyArpa average MRR per account
     * @param grossMargin the gross margin, from 0 to 1
     * @return the months, undefined when ARPA is undefined or the margin per month is zero
     * @throws InvalidInputException if CAC is not positive or the margin is outside [0, 1]
     */
    public static KpiValue cacPaybackMonths(BigDecimal cac, Ratio monthlyArpa,
            BigDecimal grossMargin) {
        checkCac(cac);
        checkMargin(grossMargin);
        if (!monthlyArpa.isDefined()) {
            return KpiValue.undefined("ARPA is undefined: " + monthlyArpa.reason().orElseThrow());
        }
        BigDecimal perMonth = monthlyArpa.value().multiply(grossMargin);
        if (perMonth.signum() == 0) {
            return KpiValue.undefined("no gross margin per month: the cost is never paid back");
        }
        return KpiValue.of(Decimals.divide(cac, perMonth));
    }

    /**
     * A lifetime value with the parts it came from.
     *
     * @param arpa the average revenue per account per period
     * @param grossMargin the gross margin
     * @param churnRate the churn rate per period
     * @param value {@code arpa x grossMargin / churnRate}
     */
    public record Ltv(Ratio arpa, BigDecimal grossMargin, Ratio churnRate, KpiValue value) {
    }

    private static void checkMargin(BigDecimal grossMargin) {
        if (grossMargin == null || grossMargin.signum() < 0
                || grossMargin.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("grossMargin", grossMargin, "must be from 0 to 1");
        }
    }

    private static void checkCac(BigDecimal cac) {
        if (cac == null || cac.signum() <= 0) {
            throw new InvalidInputException("cac", cac, "must be positive");
        }
    }
}
