package dev.cskit.examples.demo;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import dev.cskit.kpi.ChurnPolicy;
import dev.cskit.kpi.Cohorts;
import dev.cskit.kpi.CustomerRetention;
import dev.cskit.kpi.DurationSummary;
import dev.cskit.kpi.FunnelProgress;
import dev.cskit.kpi.KpiValue;
import dev.cskit.kpi.MrrBridge;
import dev.cskit.kpi.Nps;
import dev.cskit.kpi.OnboardingJourney;
import dev.cskit.kpi.Period;
import dev.cskit.kpi.ProcessKpis;
import dev.cskit.kpi.Ratio;
import dev.cskit.kpi.Retention;
import dev.cskit.kpi.RetentionMatrix;
import dev.cskit.kpi.Revenue;
import dev.cskit.kpi.RevenueRetention;
import dev.cskit.kpi.Satisfaction;
import dev.cskit.kpi.SubscriptionHistories;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run, all computed with cs-kpi from what the store holds at the end:
 * customers per stage, the MRR bridge per month, GRR, NRR and churn, NPS and CSAT, onboarding
 * completion and time to value, cohort retention, and who is stuck where. {@link #print}
 * writes them as the console summary. Immutable once computed.
 */
final class Summary {

    /** One stuck customer, as the summary and the report list it. */
    record Stuck(CustomerId customer, String name, String playbook, String step,
            Instant since, String level, String reason) {
    }

    /** What the summary is computed from. */
    record Inputs(String source, int customers, Period window, List<Customer> finalCustomers,
            List<Subscription> terms, List<SurveyResponse> surveys,
            Collection<OnboardingJourney> journeys, List<String> funnelSteps,
            List<FunnelProgress> funnelProgress, List<Stuck> stuck, long seed) {
    }

    private static final ChurnPolicy POLICY = ChurnPolicy.STANDARD;

    final Inputs inputs;
    final Map<LifecycleStage, Long> stages = new EnumMap<>(LifecycleStage.class);
    final List<MrrBridge> bridges;
    final List<RevenueRetention> monthlyRetention;
    final List<CustomerRetention> monthlyCustomers;
    final MrrBridge wholeBridge;
    final RevenueRetention wholeRetention;
    final CustomerRetention wholeCustomers;
    final Nps nps;
    final Ratio csat;
    final Ratio onboardingCompletion;
    final DurationSummary timeToValue;
    final List<ProcessKpis.FunnelStep> funnel;
    final RetentionMatrix cohorts;

    private Summary(Inputs inputs) {
        this.inputs = inputs;
        for (LifecycleStage stage : LifecycleStage.values()) {
            stages.put(stage, 0L);
        }
        inputs.finalCustomers().forEach(c -> stages.merge(c.stage(), 1L, Long::sum));

        SubscriptionHistories histories = SubscriptionHistories.of(inputs.terms());
        Period window = inputs.window();
        YearMonth first = YearMonth.from(window.start().atZone(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(window.end().minusSeconds(1).atZone(ZoneOffset.UTC));
        int count = (int) ChronoUnit.MONTHS.between(first, last) + 1;
        List<Period> months = Period.months(first, count, ZoneOffset.UTC);
        this.bridges = Revenue.bridges(histories, months, POLICY);
        this.monthlyRetention = months.stream()
                .map(month -> Revenue.retention(histories, month, POLICY)).toList();
        this.monthlyCustomers = Retention.customers(histories, months, POLICY);
        // The run's bridge is the sum of its months, so movements within the run (a customer
        // who churns in March and returns in June) count as they did in each month.
        this.wholeBridge = bridges.stream().reduce(MrrBridge::followedBy).orElseThrow();
        this.wholeRetention = Revenue.retention(histories, window, POLICY);
        this.wholeCustomers = Retention.customers(histories, window, POLICY);

        this.nps = Satisfaction.nps(inputs.surveys(), window);
        this.csat = Satisfaction.csat(inputs.surveys(), window);
        this.onboardingCompletion = ProcessKpis.onboardingCompletion(inputs.journeys(), window);
        this.timeToValue = ProcessKpis.timeToValue(inputs.journeys(), window);
        this.funnel = ProcessKpis.funnel(inputs.funnelSteps(), inputs.funnelProgress(), window);
        this.cohorts = Cohorts.retention(histories, first, last, ZoneOffset.UTC, POLICY).logo();
    }

    static Summary of(Inputs inputs) {
        return new Summary(inputs);
    }

    /**
     * Prints the summary. The text depends only on the inputs, so two runs with one seed
     * print the same.
     *
     * @param out where to print
     */
    void print(PrintStream out) {
        Period window = inputs.window();
        out.printf(Locale.ROOT, "%nSummary: %,d customers from %s, %s to %s, seed %d%n",
                inputs.customers(), inputs.source(), day(window.start()), day(window.end()),
                inputs.seed());

        out.println();
        out.println("Customers per stage");
        stages.forEach((stage, count) -> out.printf(Locale.ROOT, "  %-12s %,7d%n", stage,
                count));

        out.println();
        out.println("MRR bridge per month (" + wholeBridge.start().currencyCode() + ")");
        out.printf(Locale.ROOT, "  %-8s %12s %10s %10s %10s %10s %10s %12s%n", "month",
                "opening", "new", "expansion", "reactiv.", "contract.", "churned", "closing");
        for (MrrBridge bridge : bridges) {
            printBridge(out, month(bridge.period()), bridge);
        }
        printBridge(out, "sum", wholeBridge);

        out.println();
        out.println("Retention over the run");
        out.printf(Locale.ROOT, "  GRR %s   NRR %s   (MRR of the %,d customers paying at the"
                + " start: %s -> kept %s, now %s)%n",
                percent(wholeRetention.grossRevenueRetention()),
                percent(wholeRetention.netRevenueRetention()), wholeCustomers.atStart(),
                wholeRetention.startMrr().amountText(), wholeRetention.keptMrr().amountText(),
                wholeRetention.endMrr().amountText());
        out.printf(Locale.ROOT, "  customer churn %s (%,d of %,d customers paying at the"
                + " start), MRR churned or contracted over the run %s of the opening MRR%n",
                percent(wholeCustomers.churnRate()),
                wholeCustomers.churned(), wholeCustomers.atStart(),
                percent(wholeBridge.grossMrrChurnRate()));
        out.printf(Locale.ROOT, "  per month: %-8s %8s %8s %8s%n", "month", "GRR", "NRR",
                "churn");
        for (int i = 0; i < bridges.size(); i++) {
            out.printf(Locale.ROOT, "             %-8s %8s %8s %8s%n",
                    month(bridges.get(i).period()),
                    percent(monthlyRetention.get(i).grossRevenueRetention()),
                    percent(monthlyRetention.get(i).netRevenueRetention()),
                    percent(monthlyCustomers.get(i).churnRate()));
        }

        out.println();
        out.println("Satisfaction");
        out.printf(Locale.ROOT, "  NPS %s +/- %s (95 %%, %,d answers: %,d promoters, %,d"
                + " passives, %,d detractors)%n", number(nps.score(), 1),
                number(nps.marginOfError(Satisfaction.Z_95), 1), nps.answers(),
                nps.promoters(), nps.passives(), nps.detractors());
        out.printf(Locale.ROOT, "  CSAT %s (%s of %s answers 4 or 5)%n", percent(csat),
                plain(csat.numerator()), plain(csat.denominator()));

        out.println();
        out.println("Onboarding of the customers who signed up during the run");
        out.printf(Locale.ROOT, "  completed %s (%s of %s)%n", percent(onboardingCompletion),
                plain(onboardingCompletion.numerator()),
                plain(onboardingCompletion.denominator()));
        out.printf(Locale.ROOT, "  time to value (signup to first product use): median %s,"
                + " 90th percentile %s, %,d customers%n", days(timeToValue.median()),
                days(timeToValue.percentile(BigDecimal.valueOf(90))), timeToValue.count());
        out.println("  funnel:");
        for (ProcessKpis.FunnelStep step : funnel) {
            out.printf(Locale.ROOT, "    %-24s %,7d  %s of the first step%n", step.step(),
                    step.customers(), percent(step.fromFirst()));
        }

        out.println();
        out.printf(Locale.ROOT, "Stuck customers: %,d%n", inputs.stuck().size());
        List<Stuck> shown = inputs.stuck().subList(0, Math.min(10, inputs.stuck().size()));
        for (Stuck stuck : shown) {
            out.printf(Locale.ROOT, "  %-12s %-16s %-18s since %s  %-8s %s%n", stuck.name(),
                    stuck.playbook(), stuck.step(), day(stuck.since()), stuck.level(),
                    stuck.reason());
        }
        if (inputs.stuck().size() > shown.size()) {
            out.printf(Locale.ROOT, "  ... and %,d more in the report%n",
                    inputs.stuck().size() - shown.size());
        }
    }

    private static void printBridge(PrintStream out, String label, MrrBridge bridge) {
        out.printf(Locale.ROOT, "  %-8s %12s %10s %10s %10s %10s %10s %12s%n", label,
                amount(bridge.start()), amount(bridge.newMrr()), amount(bridge.expansion()),
                amount(bridge.reactivation()), amount(bridge.contraction()),
                amount(bridge.churn()), amount(bridge.end()));
    }

    static String month(Period period) {
        return YearMonth.from(period.start().atZone(ZoneOffset.UTC)).toString();
    }

    static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    static String amount(Money money) {
        return String.format(Locale.ROOT, "%,.2f", money.toBigDecimal());
    }

    static String percent(Ratio ratio) {
        if (!ratio.isDefined()) {
            return "n/a";
        }
        return ratio.value().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + " %";
    }

    static String number(KpiValue value, int decimals) {
        if (!value.isDefined()) {
            return "n/a";
        }
        return value.value().setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    static String days(KpiValue seconds) {
        if (!seconds.isDefined()) {
            return "n/a";
        }
        return seconds.value().divide(BigDecimal.valueOf(86_400), 1, RoundingMode.HALF_UP)
                + " days";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** @return the stuck customers, longest stuck first */
    List<Stuck> stuck() {
        return inputs.stuck();
    }

    static List<Stuck> sorted(List<Stuck> stuck) {
        List<Stuck> out = new ArrayList<>(stuck);
        out.sort((a, b) -> {
            int bySince = a.since().compareTo(b.since());
            return bySince != 0 ? bySince : a.customer().compareTo(b.customer());
        });
        return out;
    }
}
