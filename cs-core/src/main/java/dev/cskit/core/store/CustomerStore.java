package dev.cskit.core.store;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import java.util.List;
import java.util.Optional;

/** Customers by tenant and id. Thread-safe; see the package notes for the shared rules. */
public interface CustomerStore {

    /**
     * Inserts a customer or replaces the one with the same tenant and id.
     *
     * @param customer the customer
     */
    void put(Customer customer);

    /**
     * Finds a customer.
     *
     * @param tenant the tenant
     * @param id the customer id
     * @return the customer, or empty
     */
    Optional<Customer> find(TenantId tenant, CustomerId id);

    /**
     * Lists a tenant's customers.
     *
     * @param tenant the tenant
     * @return the customers ordered by id
     */
    List<Customer> list(TenantId tenant);

    /**
     * Counts a tenant's customers.
     *
     * @param tenant the tenant
     * @return how many customers the tenant has
     */
    long count(TenantId tenant);
}
