package dev.cskit.core.store;

import dev.cskit.core.CustomerId;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import java.util.List;

/**
 * Subscription terms. A term is identified by tenant, subscription id and start (see
 * {@link Subscription}); a subscription's history is its terms in start order.
 */
public interface SubscriptionStore {

    /**
     * Inserts a term or replaces the one with the same tenant, id and start.
     *
     * @param term the term
     */
    void put(Subscription term);

    /**
     * Returns one subscription's terms.
     *
     * @param tenant the tenant
     * @param subscriptionId the subscription id
     * @return the terms ordered by start; empty when there is none
     */
    List<Subscription> history(TenantId tenant, String subscriptionId);

    /**
     * Returns a customer's terms, of all its subscriptions.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @return the terms ordered by subscription id, then start
     */
    List<Subscription> forCustomer(TenantId tenant, CustomerId customer);

    /**
     * Returns all of a tenant's terms.
     *
     * @param tenant the tenant
     * @return the terms ordered by subscription id, then start
     */
    List<Subscription> list(TenantId tenant);
}
