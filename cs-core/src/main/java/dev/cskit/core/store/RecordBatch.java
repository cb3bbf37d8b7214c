package dev.cskit.core.store;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import java.util.List;
import org.immutables.value.Value;

/**
 * Records written together by {@link Store#putAll}: all of them or none. An import builds one
 * batch from a whole file, so a bad row stores nothing.
 */
@Value.Immutable
public abstract class RecordBatch {

    /** @return customers to insert or replace */
    public abstract List<Customer> customers();

    /** @return subscription terms to insert or replace */
    public abstract List<Subscription> subscriptions();

    /** @return events to record; ids already seen are skipped, as by the event store */
    public abstract List<CustomerEvent> events();

    /** @return survey answers to insert or replace */
    public abstract List<SurveyResponse> surveys();

    /** @return the number of records in the batch */
    public int size() {
        return customers().size() + subscriptions().size() + events().size() + surveys().size();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordBatch}. */
    public static final class Builder extends ImmutableRecordBatch.Builder {
    }
}
