package dev.cskit.core.store;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Checks that the batch holds each customer, subscription term and survey answer once: when
     * it holds one twice, which of the two should win is unclear. Events are exempt, as a
     * repeated event id is a duplicate delivery that the store skips. Stores call this before
     * they write.
     *
     * @throws InvalidInputException naming the second occurrence, if a key appears twice
     */
    public void requireUniqueKeys() {
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < customers().size(); i++) {
            Customer customer = customers().get(i);
            unique(seen, "customers[" + i + "].id", customer.id(),
                    List.of("customer", customer.tenant(), customer.id()));
        }
        for (int i = 0; i < subscriptions().size(); i++) {
            Subscription term = subscriptions().get(i);
            unique(seen, "subscriptions[" + i + "].id", term.id() + "@" + term.start(),
                    List.of("term", term.tenant(), term.id(), term.start()));
        }
        for (int i = 0; i < surveys().size(); i++) {
            SurveyResponse response = surveys().get(i);
            unique(seen, "surveys[" + i + "].id", response.id(),
                    List.of("survey", response.tenant(), response.id()));
        }
    }

    private static void unique(Set<List<Object>> seen, String field, Object value,
            List<Object> key) {
        if (!seen.add(key)) {
            throw new InvalidInputException(field, value, "must not appear twice in one batch");
        }
    }

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
