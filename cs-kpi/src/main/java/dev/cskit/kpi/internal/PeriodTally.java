package dev.cskit.kpi.internal;

/**
 * The sums behind one period's MRR bridge and customer counts, in minor units and customers.
 * Mutable while one engine pass fills it; then read once to build immutable results.
 */
public final class PeriodTally {

    /** MRR just before the period starts. */
    public long startMrr;
    /** MRR just before the period ends. */
    public long endMrr;
    /** MRR of customers paying for the first time. */
    public long newMrr;
    /** MRR increases of paying customers. */
    public long expansionMrr;
    /** MRR of customers paying again after having stopped. */
    public long reactivationMrr;
    /** MRR decreases of customers who keep paying. */
    public long contractionMrr;
    /** MRR of customers who stop paying. */
    public long churnMrr;
    /** Customers paying at the start. */
    public long startCustomers;
    /** Customers paying at the end. */
    public long endCustomers;
    /** Customers paying at the start and at the end. */
    public long retainedCustomers;
    /** Customers who paid for the first time, as counted by the policy. */
    public long newCustomers;
    /** Times a customer started paying again, as counted by the policy. */
    public long reactivations;
    /** Times a customer stopped paying, as counted by the policy. */
    public long churnedCustomers;
    /** Customers not paying at the start or the end who paid within the period. */
    public long joinedAndChurned;
    /** Of the customers paying at the start: their MRR at the end. */
    public long startCohortEndMrr;
    /** Of the customers paying at the start: the part of their starting MRR they kept. */
    public long startCohortKeptMrr;

    /**
     * Adds another tally of the same period.
     *
     * @param other the tally to add
     */
    public void add(PeriodTally other) {
        startMrr += other.startMrr;
        endMrr += other.endMrr;
        newMrr += other.newMrr;
        expansionMrr += other.expansionMrr;
        reactivationMrr += other.reactivationMrr;
        contractionMrr += other.contractionMrr;
        churnMrr += other.churnMrr;
        startCustomers += other.startCustomers;
        endCustomers += other.endCustomers;
        retainedCustomers += other.retainedCustomers;
        newCustomers += other.newCustomers;
        reactivations += other.reactivations;
        churnedCustomers += other.churnedCustomers;
        joinedAndChurned += other.joinedAndChurned;
        startCohortEndMrr += other.startCohortEndMrr;
        startCohortKeptMrr += other.startCohortKeptMrr;
    }
}
