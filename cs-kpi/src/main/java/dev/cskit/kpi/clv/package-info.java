/**
 * Predictive customer lifetime value: the BG/NBD purchase model, the Gamma-Gamma spend model and
 * their combination into a discounted lifetime value.
 */
@ValueStyle
package dev.cskit.kpi.clv;

import dev.cskit.core.ValueStyle;
