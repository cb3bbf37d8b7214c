/**
 * The HTML report of a cskit run: one self-contained file that opens without a network, with
 * the MRR bridge, the NRR and GRR trend, cohort retention, the onboarding funnel, the stuck
 * customers and each playbook as a diagram.
 *
 * <p>{@link dev.cskit.examples.report.ReportModel} holds the figures;
 * {@link dev.cskit.examples.report.HtmlReport} turns them into the file, inlining the vendored
 * chart (Apache ECharts) and diagram (Mermaid) libraries and escaping every value it writes.
 */
@ValueStyle
package dev.cskit.examples.report;

import dev.cskit.core.ValueStyle;
