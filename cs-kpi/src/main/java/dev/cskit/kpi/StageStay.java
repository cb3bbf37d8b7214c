package dev.cskit.kpi;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One stay of a customer in a stage or step: when it entered and, once it moved on, when it
 * left.
 *
 * @param customer the customer
 * @param stage the stage's or step's name
 * @param enteredAt when the customer entered
 * @param leftAt when it left, not before it entered; empty while it stays
 */
public record StageStay(CustomerId customer, String stage, Instant enteredAt,
        Optional<Instant> leftAt) {

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if a part is missing or the stay ends before it starts
     */
    public StageStay {
        if (customer == null || stage == null || stage.isBlank() || enteredAt == null
                || leftAt == null) {
            throw new InvalidInputException("stageStay", customer + "/" + stage,
                    "needs a customer, a stage, an entry and a (possibly empty) exit");
        }
        if (leftAt.isPresent() && leftAt.get().isBefore(enteredAt)) {
            throw new InvalidInputException("stageStay.leftAt", leftAt.get(),
                    "must not be before the entry " + enteredAt);
        }
    }

    /**
     * @param at an instant
     * @return whether the customer is in the stage at that instant
     */
    public boolean isOpenAt(Instant at) {
        return !enteredAt.isAfter(at) && leftAt.map(at::isBefore).orElse(true);
    }

    /** @return how long the finished stay lasted; empty while it runs */
    public Optional<Duration> length() {
        return leftAt.map(left -> Duration.between(enteredAt, left));
    }
}
