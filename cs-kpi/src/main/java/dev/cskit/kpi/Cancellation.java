package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import java.time.Instant;

/**
 * The instant a customer asked to cancel a subscription, which may come before the end of the
 * term they paid for. Used only under {@link ChurnPolicy.Recognition#AT_CANCELLATION}.
 *
 * @param subscriptionId the subscription's id, shared by all its terms
 * @param cancelledAt when the customer cancelled
 */
public record Cancellation(String subscriptionId, Instant cancelledAt) {

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if a part is missing
     */
    public Cancellation {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new InvalidInputException("cancellation.subscriptionId", subscriptionId,
                    "must not be blank");
        }
        if (cancelledAt == null) {
            throw new InvalidInputException("cancellation.cancelledAt", null, "is required");
        }
    }
}
