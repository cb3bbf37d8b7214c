package dev.cskit.examples.demo;

import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.examples.report.ReportModel;
import dev.cskit.kpi.MrrBridge;
import dev.cskit.kpi.ProcessKpis;
import dev.cskit.kpi.Ratio;
import dev.cskit.kpi.RetentionMatrix;
import dev.cskit.kpi.Satisfaction;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.io.MermaidDiagram;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a run's {@link Summary} into the {@link ReportModel} the HTML report draws. */
final class DemoReport {

    private DemoReport() {
    }

    static ReportModel model(Summary summary, PlaybookPlan plan) {
        Summary.Inputs inputs = summary.inputs;
        ReportModel.Builder model = ReportModel.builder()
                .title("cskit demo report")
                .subtitle(String.format(Locale.ROOT, "%,d customers from %s, %s to %s,"
                        + " seed %d", inputs.customers(), inputs.source(),
                        Summary.day(inputs.window().start()), Summary.day(inputs.window().end()),
                        inputs.seed()))
                .currency(summary.wholeBridge.start().currencyCode());

        model.addFigures(figure("MRR", Summary.amount(summary.wholeBridge.end()) + " "
                + summary.wholeBridge.end().currencyCode(), "at the end, from "
                + Summary.amount(summary.wholeBridge.start())));
        model.addFigures(figure("GRR", Summary.percent(
                summary.wholeRetention.grossRevenueRetention()), "over the run"));
        model.addFigures(figure("NRR", Summary.percent(
                summary.wholeRetention.netRevenueRetention()), "over the run"));
        model.addFigures(figure("Customer churn", Summary.percent(
                summary.wholeCustomers.churnRate()), String.format(Locale.ROOT,
                "%,d of %,d", summary.wholeCustomers.churned(),
                summary.wholeCustomers.atStart())));
        model.addFigures(figure("NPS", Summary.number(summary.nps.score(), 1), "+/- "
                + Summary.number(summary.nps.marginOfError(Satisfaction.Z_95), 1) + " (95 %), "
                + summary.nps.answers() + " answers"));
        model.addFigures(figure("CSAT", Summary.percent(summary.csat),
                summary.csat.denominator().stripTrailingZeros().toPlainString() + " answers"));
        model.addFigures(figure("Onboarding completed",
                Summary.percent(summary.onboardingCompletion), "customers who signed up"));
        model.addFigures(figure("Time to value", Summary.days(summary.timeToValue.median()),
                "median, signup to first use"));
        model.addFigures(figure("Stuck customers", String.format(Locale.ROOT, "%,d",
                summary.stuck().size()), "open SLA alerts"));

        for (LifecycleStage stage : LifecycleStage.values()) {
            model.addStages(new ReportModel.StageCount(stage.name(), summary.stages.get(stage)));
        }
        for (MrrBridge bridge : summary.bridges) {
            model.addMrrBridge(new ReportModel.BridgeMonth(Summary.month(bridge.period()),
                    major(bridge.start()), major(bridge.newMrr()), major(bridge.expansion()),
                    major(bridge.reactivation()), major(bridge.contraction()),
                    major(bridge.churn()), major(bridge.end())));
        }
        for (int i = 0; i < summary.bridges.size(); i++) {
            model.addRetention(new ReportModel.RetentionMonth(
                    Summary.month(summary.bridges.get(i).period()),
                    percent(summary.monthlyRetention.get(i).grossRevenueRetention()),
                    percent(summary.monthlyRetention.get(i).netRevenueRetention())));
        }
        for (RetentionMatrix.Row row : summary.cohorts.rows()) {
            if (row.base().signum() == 0) {
                continue;
            }
            List<BigDecimal> cells = new ArrayList<>();
            row.cells().forEach(cell -> cells.add(percent(cell)));
            model.addCohorts(new ReportModel.CohortRow(row.cohort().toString(),
                    row.base().longValueExact(), cells));
        }
        for (ProcessKpis.FunnelStep step : summary.funnel) {
            model.addFunnel(new ReportModel.FunnelStep(step.step(), step.customers()));
        }
        for (Summary.Stuck stuck : summary.stuck()) {
            model.addStuck(new ReportModel.StuckCustomer(stuck.customer().value(), stuck.name(),
                    stuck.playbook(), stuck.step(), stuck.since(), stuck.level(),
                    stuck.reason()));
        }
        for (ProcessDefinition definition : plan.all()) {
            model.addPlaybooks(new ReportModel.PlaybookDiagram(definition.key(),
                    definition.name(), MermaidDiagram.of(definition)));
        }
        return model.build();
    }

    private static ReportModel.Figure figure(String label, String value, String detail) {
        return new ReportModel.Figure(label, value, detail);
    }

    private static BigDecimal major(Money money) {
        return money.toBigDecimal();
    }

    private static BigDecimal percent(Ratio ratio) {
        if (!ratio.isDefined()) {
            return null;
        }
        return ratio.value().movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
