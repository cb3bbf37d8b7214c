package dev.cskit.core.store;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inbox of customer events. It remembers every event id it has seen, so a duplicate
 * delivery is recognised and changes nothing.
 */
public interface EventStore {

    /**
     * Records an event unless one with the same tenant and id is already recorded.
     *
     * @param event the event
     * @param receivedAt when it arrived
     * @return {@code true} if it was new and is now recorded with status
     *     {@link EventStatus#RECEIVED}; {@code false} if the id was seen before, in which
     *     case nothing changed, even if the second event's content differs
     */
    boolean record(CustomerEvent event, Instant receivedAt);

    /**
     * Finds an event.
     *
     * @param tenant the tenant
     * @param eventId the sender's event id
     * @return the stored event, or empty
     */
    Optional<StoredEvent> find(TenantId tenant, String eventId);

    /**
     * Sets an event's status.
     *
     * @param tenant the tenant
     * @param eventId the event id
     * @param status the new status
     * @throws dev.cskit.core.NoSuchRecordException if no such event is recorded
     */
    void setStatus(TenantId tenant, String eventId, EventStatus status);

    /**
     * Returns a customer's events.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @return the events ordered by occurrence, then id
     */
    List<StoredEvent> forCustomer(TenantId tenant, CustomerId customer);

    /**
     * Returns the events in a status, such as the unmatched ones.
     *
     * @param tenant the tenant
     * @param status the status
     * @param limit the most to return, positive
     * @return the events ordered by receipt, then id
     * @throws dev.cskit.core.InvalidInputException if {@code limit} is not positive
     */
    List<StoredEvent> withStatus(TenantId tenant, EventStatus status, int limit);
}
