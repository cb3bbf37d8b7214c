package dev.cskit.kpi;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * One customer's onboarding: when it started, when the customer first got value (the first
 * quick win) and when onboarding was completed, the last two when they happened.
 *
 * @param customer the customer
 * @param startedAt when onboarding started
 * @param firstValueAt when the first quick win happened, not before the start
 * @param completedAt when onboarding was completed, not before the start
 */
public record OnboardingJourney(CustomerId customer, Instant startedAt,
        Optional<Instant> firstValueAt, Optional<Instant> completedAt) {

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if a part is missing or an instant precedes the start
     */
    public OnboardingJourney {
        if (customer == null || startedAt == null || firstValueAt == null
                || completedAt == null) {
            throw new InvalidInputException("onboardingJourney", customer,
                    "needs a customer, a start and (possibly empty) milestones");
        }
        if (firstValueAt.isPresent() && firstValueAt.get().isBefore(startedAt)) {
            throw new InvalidInputException("onboardingJourney.firstValueAt",
                    firstValueAt.get(), "must not be before the start " + startedAt);
        }
        if (completedAt.isPresent() && completedAt.get().isBefore(startedAt)) {
            throw new InvalidInputException("onboardingJourney.completedAt", completedAt.get(),
                    "must not be before the start " + startedAt);
        }
    }
}
