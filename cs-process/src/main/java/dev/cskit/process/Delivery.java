package dev.cskit.process;

import java.util.List;
import java.util.Objects;

/**
 * What delivering one customer event did.
 *
 * @param eventId the event's id
 * @param outcome whether it was new and whether it moved an instance
 * @param instanceIds the instances it moved, in start order; empty unless applied
 */
public record Delivery(String eventId, Outcome outcome, List<String> instanceIds) {

    /** The outcomes of a delivery. */
    public enum Outcome {
        /** The id was seen before; nothing changed. */
        DUPLICATE,
        /** It moved at least one instance; recorded as applied. */
        APPLIED,
        /** No instance was waiting for it; recorded as unmatched, kept and visible. */
        UNMATCHED
    }

    /** Validates and copies the parts. */
    public Delivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(outcome, "outcome");
        instanceIds = List.copyOf(instanceIds);
    }
}
