/**
 * Predictive customer lifetime value: the BG/NBD purchase model, the Gamma-Gamma spend model and
 * their combination into a discounted lifetime value.
 *
 * <p>The workflow: summarise each customer's purchases as a {@link
 * dev.cskit.kpi.clv.PurchaseSummary} (frequency, recency, age in one time unit, usually weeks)
 * and each repeat buyer's spend as a {@link dev.cskit.kpi.clv.SpendSummary}; fit
 * {@link dev.cskit.kpi.clv.BgNbdModel} and {@link dev.cskit.kpi.clv.GammaGammaModel} by
 * maximum likelihood; then ask the models for expected purchases, the probability that a
 * customer is still active, the expected value per transaction, and through
 * {@link dev.cskit.kpi.clv.CustomerLifetimeValue} the discounted value over a horizon in
 * months. Everything here is a pure function of immutable inputs and thread-safe; invalid
 * input throws {@link dev.cskit.core.InvalidInputException} naming the field, value and rule,
 * and a fit that cannot converge throws {@link dev.cskit.kpi.clv.ModelFitException}.
 */
@ValueStyle
package dev.cskit.kpi.clv;

import dev.cskit.core.ValueStyle;
