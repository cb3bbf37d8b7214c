package dev.cskit.kpi.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Decimal arithmetic shared by the KPI functions: one precision for every quotient. */
public final class Decimals {

    /** The precision of every quotient: 34 significant digits, half-even. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private Decimals() {
    }

    /**
     * Divides at {@link #PRECISION}.
     *
     * @param numerator the numerator
     * @param denominator the denominator, not zero
     * @return the quotient
     */
    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, PRECISION);
    }
}
