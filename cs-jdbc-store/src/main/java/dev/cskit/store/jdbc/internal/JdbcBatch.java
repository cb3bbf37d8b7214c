package dev.cskit.store.jdbc.internal;

import dev.cskit.core.store.RecordBatch;
import java.time.Instant;

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
}
