package dev.cskit.kpi;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import java.time.Instant;

/**
 * A customer reaching a step of a funnel (an onboarding process, a trial) at an instant.
 * A plain record so that this module needs nothing from the process engine.
 *
 * @param customer the customer
 * @param step the step's name
 * @param reachedAt when the customer reached it
 */
public record FunnelProgress(CustomerId customer, String step, Instant reachedAt) {

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if a part is missing
     */
    public FunnelProgress {
        if (customer == null || step == null || step.isBlank() || reachedAt == null) {
            throw new InvalidInputException("funnelProgress", customer + "/" + step + "/"
                    + reachedAt, "needs a customer, a step and an instant");
        }
    }
}
