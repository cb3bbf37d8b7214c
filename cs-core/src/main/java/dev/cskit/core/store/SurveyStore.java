package dev.cskit.core.store;

import dev.cskit.core.CustomerId;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.TenantId;
import java.util.List;

/** Survey answers by tenant and response id. */
public interface SurveyStore {

    /**
     * Inserts an answer or replaces the one with the same tenant and id.
     *
     * @param response the answer
     */
    void put(SurveyResponse response);

    /**
     * Returns a customer's answers.
     *
     * @param tenant the tenant
     * @param customer the customer
     * @return the answers ordered by answer time, then id
     */
    List<SurveyResponse> forCustomer(TenantId tenant, CustomerId customer);

    /**
     * Returns all of a tenant's answers.
     *
     * @param tenant the tenant
     * @return the answers ordered by answer time, then id
     */
    List<SurveyResponse> list(TenantId tenant);
}
