package dev.cskit.core.store;

import java.time.Instant;

/**
 * One store: an implementation of each persistence interface over one backing database (or
 * memory), and the batch write that spans them.
 *
 * <p>Implementations are thread-safe. See the package notes for the rules every
 * implementation keeps.
 */
public interface Store {

    /** @return the customers */
    CustomerStore customers();

    /** @return the subscription terms */
    SubscriptionStore subscriptions();

    /** @return the event inbox */
    EventStore events();

    /** @return the survey answers */
    SurveyStore surveys();

    /** @return the process definitions */
    DefinitionStore definitions();

    /** @return the process instances and their audit trails */
    InstanceStore instances();

    /** @return the alerts */
    AlertStore alerts();

    /** @return the due items */
    DueItemStore dueItems();

    /** @return the outbox */
    OutboxStore outbox();

    /**
     * Writes a batch atomically: every record or, on any failure, none.
     *
     * <p>Events whose id was seen before, in the store or earlier in the batch, are skipped.
     *
     * @param batch the records
     * @param receivedAt the receipt instant recorded with the batch's events
     * @return how many of the batch's events were new (the others were seen before)
     * @throws dev.cskit.core.InvalidInputException if the batch holds two customers with the
     *     same tenant and id, two subscription terms with the same tenant, id and start, or
     *     two survey answers with the same tenant and id; nothing is stored
     */
    int putAll(RecordBatch batch, Instant receivedAt);
}
