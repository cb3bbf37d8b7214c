package dev.cskit.examples.adapters.stripe;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link StripeWebhook#handle} did with one delivery: whether it changed anything, the
 * customer event it recorded, the subscription's terms afterwards and its MRR before and
 * after.
 *
 * @param status what happened to the delivery
 * @param eventId the Stripe event id
 * @param event the customer event recorded in the inbox; empty for duplicates and ignored
 *     types
 * @param subscriptionId the Stripe subscription id, for subscription events
 * @param history the subscription's terms after the delivery, ordered by start; empty for
 *     invoices and ignored types
 * @param mrrBefore the MRR the subscription ran at, at the event's instant, before it
 * @param mrrAfter the MRR at the event's instant after it
 */
public record StripeOutcome(Status status, String eventId, Optional<CustomerEvent> event,
        Optional<String> subscriptionId, List<Subscription> history,
        Optional<Money> mrrBefore, Optional<Money> mrrAfter) {

    /** What happened to a delivery. */
    public enum Status {
        /** New and applied: terms and the inbox changed. */
        APPLIED,
        /** Its event id was seen before: nothing changed. */
        DUPLICATE,
        /**
         * Older than the last event applied to its subscription: recorded in the inbox (so a
         * redelivery is a duplicate) as a {@value StripeWebhook#TYPE_STALE} event, terms
         * untouched.
         */
        STALE,
        /** A type this adapter does not handle: nothing changed. */
        IGNORED
    }

    /** Validates the parts and copies the list. */
    public StripeOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        history = List.copyOf(history);
        Objects.requireNonNull(mrrBefore, "mrrBefore");
        Objects.requireNonNull(mrrAfter, "mrrAfter");
    }

    /**
     * Returns the MRR movement of the delivery: after minus before.
     *
     * @return the change, or empty when the delivery changed no subscription
     */
    public Optional<Money> mrrChange() {
        if (mrrBefore.isEmpty() || mrrAfter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mrrAfter.get().minus(mrrBefore.get()));
    }
}
