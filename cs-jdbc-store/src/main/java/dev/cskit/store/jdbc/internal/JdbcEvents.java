package dev.cskit.store.jdbc.internal;

import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.EventStatus;
import dev.cskit.core.store.EventStore;
import dev.cskit.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event inbox in {@code cskit_event}. The primary key on tenant and event id is what
 * recognises a duplicate delivery, also when two nodes receive it at once.
 */
public final class JdbcEvents implements EventStore {

    private static final String SELECT =
            "SELECT body, received_at, status FROM cskit_event WHERE tenant = ?";

    private final Database database;
    private final String insert;

    /**
     * Creates the event store.
     *
     * @param database the database
     */
    public JdbcEvents(Database database) {
        this.database = database;
        this.insert = SqlText.insertIfAbsent(database.dialect(), "cskit_event",
                List.of("tenant", "id"),
                List.of("customer_id", "event_type", "occurred_at", "received_at", "status",
                        "body"));
    }

    @Override
    public boolean record(CustomerEvent event, Instant receivedAt) {
        return database.write("event '" + event.id() + "'",
                connection -> write(connection, List.of(event), receivedAt) == 1);
    }

    /**
     * Records events whose ids are new, on a connection the caller's transaction owns.
     *
     * @param connection the connection
     * @param events the events
     * @param receivedAt when they arrived
     * @return how many were new
     * @throws SQLException on a database failure
     */
    int write(Connection connection, List<CustomerEvent> events, Instant receivedAt)
            throws SQLException {
        int recorded = 0;
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (CustomerEvent event : events) {
                bind(statement, event, receivedAt);
                recorded += insertOne(statement);
            }
        }
        return recorded;
    }

    private void bind(PreparedStatement statement, CustomerEvent event, Instant receivedAt)
            throws SQLException {
        statement.setString(1, event.tenant().value());
        statement.setString(2, event.id());
        statement.setString(3, event.customerId().value());
        statement.setString(4, event.type());
        Binding.instant(statement, 5, event.occurredAt());
        Binding.instant(statement, 6, receivedAt);
        statement.setString(7, EventStatus.RECEIVED.name());
        statement.setString(8, CsKitJson.write(event));
        if (SqlText.keyRepeats(database.dialect())) {
            statement.setString(9, event.tenant().value());
            statement.setString(10, event.id());
        }
    }

    private static int insertOne(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeUpdate();
        } catch (SQLException e) {
            // On H2 two transactions can both pass NOT EXISTS; the key decides, and the loser
            // has seen the id before. H2 keeps the transaction usable after the failure.
            if (Database.isDuplicateKey(e)) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredEvent> find(TenantId tenant, String eventId) {
        List<StoredEvent> found = query(SELECT + " AND id = ?", tenant, eventId, 0);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public void setStatus(TenantId tenant, String eventId, EventStatus status) {
        int updated = database.write("event '" + eventId + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE cskit_event SET status = ? WHERE tenant = ? AND id = ?")) {
                statement.setString(1, status.name());
                statement.setString(2, tenant.value());
                statement.setString(3, eventId);
                return statement.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new NoSuchRecordException("event", eventId, tenant);
        }
    }

    @Override
    public List<StoredEvent> forCustomer(TenantId tenant, CustomerId customer) {
        return query(SELECT + " AND customer_id = ? ORDER BY occurred_at, id", tenant,
                customer.value(), 0);
    }

    @Override
    public List<StoredEvent> withStatus(TenantId tenant, EventStatus status, int limit) {
        return query(SELECT + " AND status = ? ORDER BY received_at, id FETCH FIRST ? ROWS ONLY",
                tenant, status.name(), Columns.positiveLimit(limit));
    }

    private List<StoredEvent> query(String sql, TenantId tenant, String argument, int limit) {
        return database.read("events", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                statement.setString(2, argument);
                if (limit > 0) {
                    statement.setInt(3, limit);
                }
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(StoredEvent.builder()
                                .event(CsKitJson.read(rows.getString("body"),
                                        CustomerEvent.class))
                                .receivedAt(Binding.instant(rows, "received_at"))
                                .status(EventStatus.valueOf(rows.getString("status")))
                                .build());
                    }
                }
                return List.copyOf(events);
            }
        });
    }
}
