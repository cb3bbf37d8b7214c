package dev.cskit.examples.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A small report model with hostile text in every free-text field, for the report tests. */
final class SampleReports {

    /** A name that would run script if it were written into the page unescaped. */
    static final String HOSTILE_NAME = "<script>window.injected=1</script> O'Brien & \"Sons\"";

    /** A reason that would end the data element early if the JSON were not escaped. */
    static final String HOSTILE_REASON = "</script><img src=x onerror=window.injected=2> \u2028";

    private SampleReports() {
    }

    static ReportModel small() {
        return ReportModel.builder()
                .title("cskit demo <report>")
                .subtitle("3 customers & 2 months")
                .currency("USD")
                .addFigures(new ReportModel.Figure("NRR", "101.3 %", "2 months"))
                .addFigures(new ReportModel.Figure("NPS", "+12", HOSTILE_NAME))
                .addStages(new ReportModel.StageCount("ACTIVE", 2))
                .addStages(new ReportModel.StageCount("CHURNED", 1))
                .addMrrBridge(new ReportModel.BridgeMonth("2017-02", money("100.00"),
                        money("20.00"), money("5.00"), money("0"), money("2.50"),
                        money("10.00"), money("112.50")))
                .addMrrBridge(new ReportModel.BridgeMonth("2017-03", money("112.50"),
                        money("0"), money("0"), money("10.00"), money("0"), money("20.00"),
                        money("102.50")))
                .addRetention(new ReportModel.RetentionMonth("2017-02", money("87.50"),
                        money("92.50")))
                .addRetention(new ReportModel.RetentionMonth("2017-03", null, null))
                .addCohorts(new ReportModel.CohortRow("2017-02", 2,
                        List.of(money("100"), money("50"))))
                .addCohorts(new ReportModel.CohortRow("2017-03", 1, List.of(money("100"))))
                .addFunnel(new ReportModel.FunnelStep("Registered", 3))
                .addFunnel(new ReportModel.FunnelStep("First value", 2))
                .addStuck(new ReportModel.StuckCustomer("c-1", HOSTILE_NAME, "Registration",
                        "Contract", Instant.parse("2017-02-03T10:00:00Z"), "breach",
                        HOSTILE_REASON))
                .addPlaybooks(new ReportModel.PlaybookDiagram("onboarding.registration",
                        "Registration <b>",
                        "flowchart LR\n  a[\"Contract & setup\"] --> b((Done))\n"))
                .addPlaybooks(new ReportModel.PlaybookDiagram("offboarding", "Offboarding",
                        "flowchart TD\n  x[Exit interview] -->|churn reason| y[Win-back]\n"))
                .build();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
