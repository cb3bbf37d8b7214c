package dev.cskit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.internal.Checks;
import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Something that happened to or with a customer: {@code feature.used}, {@code ticket.opened},
 * {@code survey.answered}, {@code seats.changed}.
 *
 * <p>The {@link #id()} is chosen by the sender and is the idempotency key: a store and the
 * process runner treat a second event with the same id (in the same tenant) as a duplicate
 * delivery and ignore it. The type is 1 to 100 characters; attributes are text.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomerEvent.class)
@JsonDeserialize(as = ImmutableCustomerEvent.class)
public abstract class CustomerEvent {

    /** The longest event type accepted, in characters. */
    public static final int MAX_TYPE_LENGTH = 100;

    /** @return the tenant; {@link TenantId#DEFAULT} unless set */
    @Value.Default
    public TenantId tenant() {
        return TenantId.DEFAULT;
    }

    /** @return the sender's id for this event, the idempotency key */
    public abstract String id();

    /** @return what happened, such as {@code feature.used} */
    public abstract String type();

    /** @return the customer it happened to */
    public abstract CustomerId customerId();

    /** @return when it happened, by the sender's clock */
    public abstract Instant occurredAt();

    /** @return details, such as {@code feature -> reports}; empty by default */
    public abstract Map<String, String> attributes();

    @Value.Check
    void check() {
        Ids.require("event.id", id());
        Checks.notBlank("event.type", type());
        if (type().length() > MAX_TYPE_LENGTH) {
            throw new InvalidInputException("event.type", type(),
                    "must be at most " + MAX_TYPE_LENGTH + " characters");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CustomerEvent}; id, type, customer and instant are required. */
    public static final class Builder extends ImmutableCustomerEvent.Builder {
    }
}
