/**
 * Customer success KPIs as pure functions: customer churn and retention, MRR movements and the
 * MRR bridge, unit economics, satisfaction, cohort retention, process measures and an
 * explainable health score.
 *
 * <p>Every function takes immutable inputs and an explicit {@link dev.cskit.kpi.Period} (or
 * instant), does no I/O, reads no clock and returns an immutable result that carries its parts:
 * the numerator and denominator of a rate, the movements behind a bridge, the contribution of
 * each measure to a score. A result that is not defined for its input (no customers at the
 * start of a period, no answers to a survey) says so: {@link dev.cskit.kpi.Ratio#isDefined()}
 * is false and {@link dev.cskit.kpi.Ratio#reason()} says why. No function returns NaN,
 * infinity or a zero standing in for "undefined".
 *
 * <p>Money is exact: minor units in {@code long}, sums exact, rates as {@link
 * java.math.BigDecimal} quotients of exact parts. Rounding happens only when a value is
 * formatted ({@link dev.cskit.kpi.Ratio#format(int)}).
 *
 * <p>All types here are immutable and safe to share between threads; all functions are
 * stateless and may be called from any thread.
 */
@ValueStyle
package dev.cskit.kpi;

import dev.cskit.core.ValueStyle;
