package dev.cskit.core;

/**
 * A customer was asked to move between two lifecycle stages that {@link LifecycleStage} does
 * not connect. Carries the customer and both stages.
 */
public class IllegalStageChangeException extends CsKitException {

    private static final long serialVersionUID = 1L;

    private final CustomerId customer;
    private final LifecycleStage from;
    private final LifecycleStage to;

    /**
     * Creates the exception.
     *
     * @param customer the customer
     * @param from its current stage
     * @param to the stage it was asked to move to
     */
    public IllegalStageChangeException(CustomerId customer, LifecycleStage from,
            LifecycleStage to) {
        super("customer '" + customer + "' cannot move from " + from + " to " + to
                + "; from " + from + " it may move to " + from.successors());
        this.customer = customer;
        this.from = from;
        this.to = to;
    }

    /** @return the customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return the stage the customer is in */
    public LifecycleStage from() {
        return from;
    }

    /** @return the stage that was refused */
    public LifecycleStage to() {
        return to;
    }
}
