package dev.cskit.examples.demo;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.SurveyResponse;
import java.time.Instant;

/**
 * Something a simulated customer does at an instant, as {@link CustomerBehaviour} generates
 * it: sign up, use the product, raise a ticket, answer a survey, change seats or plan, cancel,
 * come back.
 */
sealed interface Happening {

    /** @return when it happens */
    Instant at();

    /** @return who does it */
    CustomerId customer();

    /** The customer's subscription starts: its playbooks start. */
    record SignUp(Instant at, CustomerId customer) implements Happening {
    }

    /** A product or support event, delivered to the customer's processes. */
    record Event(CustomerEvent event) implements Happening {
        @Override
        public Instant at() {
            return event.occurredAt();
        }

        @Override
        public CustomerId customer() {
            return event.customerId();
        }
    }

    /** A survey answer: stored, and announced as a {@code survey.answered} event. */
    record Survey(SurveyResponse response) implements Happening {
        @Override
        public Instant at() {
            return response.answeredAt();
        }

        @Override
        public CustomerId customer() {
            return response.customerId();
        }
    }

    /**
     * The subscription changes: seats by {@code seatDelta}, the unit price by
     * {@code pricePercent} percent. A new term starts.
     */
    record Change(Instant at, CustomerId customer, int seatDelta, int pricePercent)
            implements Happening {
    }

    /** The customer cancels: the term ends and offboarding starts. */
    record Cancel(Instant at, CustomerId customer, String reason) implements Happening {
    }

    /** A customer who left comes back on its old plan. */
    record WinBack(Instant at, CustomerId customer) implements Happening {
    }
}
