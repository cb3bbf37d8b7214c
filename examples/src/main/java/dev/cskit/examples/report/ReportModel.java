package dev.cskit.examples.report;

import dev.cskit.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * What the HTML report shows, already computed: headline figures, customers per stage, the
 * MRR bridge per month, GRR and NRR per month, cohort retention, the onboarding funnel, the
 * stuck customers and the playbooks' diagrams. Amounts are in major units of
 * {@link #currency()}; rates are percentages.
 *
 * <p>The report only draws these numbers; it computes none of them. Immutable and safe to
 * share between threads.
 */
@Value.Immutable
public abstract class ReportModel {

    /** @return the report's title */
    public abstract String title();

    /** @return one line under the title: what was run, on which data, with which seed */
    public abstract String subtitle();

    /** @return the ISO 4217 code of every amount */
    public abstract String currency();

    /** @return the headline figures (GRR, NRR, churn, NPS, ...), in display order */
    public abstract List<Figure> figures();

    /** @return customers per lifecycle stage at the end of the run */
    public abstract List<StageCount> stages();

    /** @return the MRR bridge, one entry per month, oldest first */
    public abstract List<BridgeMonth> mrrBridge();

    /** @return GRR and NRR per month, oldest first */
    public abstract List<RetentionMonth> retention();

    /** @return cohort retention, one row per signup cohort, oldest first */
    public abstract List<CohortRow> cohorts();

    /** @return the onboarding funnel, one entry per step in process order */
    public abstract List<FunnelStep> funnel();

    /** @return the customers stuck at the end of the run, longest stuck first */
    public abstract List<StuckCustomer> stuck();

    /** @return the playbooks, each with its Mermaid flowchart */
    public abstract List<PlaybookDiagram> playbooks();

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReportModel}; title, subtitle and currency are required. */
    public static final class Builder extends ImmutableReportModel.Builder {
    }

    /**
     * A headline figure.
     *
     * @param label what it is ("NRR")
     * @param value the value as shown ("101.3 %")
     * @param detail how it was computed, in a few words; may be empty
     */
    public record Figure(String label, String value, String detail) {

        /** Validates the parts. */
        public Figure {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * How many customers are in a lifecycle stage.
     *
     * @param stage the stage's name
     * @param customers how many, not negative
     */
    public record StageCount(String stage, long customers) {

        /** Validates the parts. */
        public StageCount {
            Objects.requireNonNull(stage, "stage");
            if (customers < 0) {
                throw new InvalidInputException("stages.customers", customers,
                        "must not be negative");
            }
        }
    }

    /**
     * One month of the MRR bridge: the opening MRR, the movements, and the closing MRR.
     * Contraction and churned MRR are given as positive amounts that reduce the MRR.
     *
     * @param month the month's label ("2017-03")
     * @param opening MRR at the start of the month
     * @param newMrr MRR of new customers
     * @param expansion MRR added by existing customers
     * @param reactivation MRR of customers won back
     * @param contraction MRR lost by customers who stayed
     * @param churned MRR lost by customers who left
     * @param closing MRR at the end of the month
     */
    public record BridgeMonth(String month, BigDecimal opening, BigDecimal newMrr,
            BigDecimal expansion, BigDecimal reactivation, BigDecimal contraction,
            BigDecimal churned, BigDecimal closing) {

        /**
         * Validates the parts.
         *
         * @throws InvalidInputException if the movements do not add up to the closing MRR
         */
        public BridgeMonth {
            Objects.requireNonNull(month, "month");
            BigDecimal expected = opening.add(newMrr).add(expansion).add(reactivation)
                    .subtract(contraction).subtract(churned);
            if (expected.compareTo(closing) != 0) {
                throw new InvalidInputException("mrrBridge[" + month + "].closing", closing,
                        "must be opening + new + expansion + reactivation - contraction"
                                + " - churned = " + expected);
            }
        }
    }

    /**
     * Gross and net revenue retention of one month, in percent; absent when undefined (no MRR
     * at the start of the month).
     *
     * @param month the month's label
     * @param grr gross revenue retention in percent, or {@code null} when undefined
     * @param nrr net revenue retention in percent, or {@code null} when undefined
     */
    public record RetentionMonth(String month, BigDecimal grr, BigDecimal nrr) {

        /** Validates the parts. */
        public RetentionMonth {
            Objects.requireNonNull(month, "month");
        }
    }

    /**
     * One signup cohort: its size and the share of it still a customer 0, 1, 2, ... months
     * after signup, as far as observed.
     *
     * @param cohort the cohort's label ("2017-03")
     * @param size the customers in it, at least 1
     * @param retained percent retained per month since signup, first entry month 0
     */
    public record CohortRow(String cohort, long size, List<BigDecimal> retained) {

        /** Validates the parts and copies the list. */
        public CohortRow {
            Objects.requireNonNull(cohort, "cohort");
            if (size < 1) {
                throw new InvalidInputException("cohorts.size", size, "must be at least 1");
            }
            retained = List.copyOf(retained);
        }
    }

    /**
     * One step of the onboarding funnel.
     *
     * @param step the step's name
     * @param customers how many customers reached it
     */
    public record FunnelStep(String step, long customers) {

        /** Validates the parts. */
        public FunnelStep {
            Objects.requireNonNull(step, "step");
        }
    }

    /**
     * A customer stuck in a playbook step: an open SLA alert.
     *
     * @param customerId the customer's id
     * @param customerName the customer's name
     * @param playbook the playbook's name
     * @param step the step
     * @param since when the customer entered the step
     * @param level the alert level ({@code warn}, {@code breach}, ...)
     * @param reason why, in words
     */
    public record StuckCustomer(String customerId, String customerName, String playbook,
            String step, Instant since, String level, String reason) {

        /** Validates the parts. */
        public StuckCustomer {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(customerName, "customerName");
            Objects.requireNonNull(playbook, "playbook");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A playbook and its flowchart.
     *
     * @param key the definition key
     * @param name the playbook's name
     * @param mermaid the flowchart as Mermaid text
     */
    public record PlaybookDiagram(String key, String name, String mermaid) {

        /** Validates the parts. */
        public PlaybookDiagram {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mermaid, "mermaid");
        }
    }
}
