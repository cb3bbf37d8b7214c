package dev.cskit.store.jdbc.internal;

import dev.cskit.core.Customer;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.store.RecordBatch;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link dev.cskit.core.store.Store#putAll}: one transaction over four tables. */
public final class JdbcBatch {

    private final Database database;
    private final JdbcCustomers customers;
    private final JdbcSubscriptions subscriptions;
    private final JdbcEvents events;
    private final JdbcSurveys surveys;

    /**
     * Creates the batch writer.
     *
     * @param database the database
     * @param customers the customer store
     * @param subscriptions the subscription store
     * @param events the event store
     * @param surveys the survey store
     */
    public JdbcBatch(Database database, JdbcCustomers customers, JdbcSubscriptions subscriptions,
            JdbcEvents events, JdbcSurveys surveys) {
        this.database = database;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.events = events;
        this.surveys = surveys;
    }

    /**
     * Writes a batch: every record, or none when anything fails.
     *
     * @param batch the records
     * @param receivedAt the receipt instant of its events
     * @return how many events were new
     */
    public int putAll(RecordBatch batch, Instant receivedAt) {
        check(batch);
        int recorded = database.write("a batch of " + batch.size() + " records", connection -> {
            customers.write(connection, batch.customers());
            subscriptions.write(connection, batch.subscriptions());
            int fresh = events.write(connection, batch.events(), receivedAt);
            surveys.write(connection, batch.surveys());
            return fresh;
        });
        customers.invalidate(batch.customers());
        return recorded;
    }

    /** Refuses a batch that holds one record twice: which of the two should win is unclear. */
    private static void check(RecordBatch batch) {
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < batch.customers().size(); i++) {
            Customer customer = batch.customers().get(i);
            unique(seen, "customers[" + i + "].id", customer.id(),
                    List.of("customer", customer.tenant(), customer.id()));
        }
        for (int i = 0; i < batch.subscriptions().size(); i++) {
            Subscription term = batch.subscriptions().get(i);
            unique(seen, "subscriptions[" + i + "].id", term.id() + "@" + term.start(),
                    List.of("term", term.tenant(), term.id(), term.start()));
        }
        for (int i = 0; i < batch.surveys().size(); i++) {
            SurveyResponse response = batch.surveys().get(i);
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
}
