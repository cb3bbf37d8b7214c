package dev.cskit.store.jdbc.internal;

import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerId;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.SubscriptionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Subscription terms in {@code cskit_subscription}, keyed by tenant, id and start. */
public final class JdbcSubscriptions implements SubscriptionStore {

    private static final String SELECT = "SELECT body FROM cskit_subscription WHERE tenant = ?";

    private final Database database;
    private final String upsert;

    /**
     * Creates the subscription store.
     *
     * @param database the database
     */
    public JdbcSubscriptions(Database database) {
        this.database = database;
        this.upsert = SqlText.upsert(database.dialect(), "cskit_subscription",
                List.of("tenant", "id", "start_at"), List.of("customer_id", "body"));
    }

    @Override
    public void put(Subscription term) {
        database.write("subscription '" + term.id() + "'", connection -> {
            write(connection, List.of(term));
            return null;
        });
    }

    /**
     * Writes terms on a connection the caller's transaction owns.
     *
     * @param connection the connection
     * @param terms the terms
     * @throws SQLException on a database failure
     */
    void write(Connection connection, List<Subscription> terms) throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Subscription term : terms) {
                statement.setString(1, term.tenant().value());
                statement.setString(2, term.id());
                Binding.instant(statement, 3, term.start());
                statement.setString(4, term.customerId().value());
                statement.setString(5, CsKitJson.write(term));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<Subscription> history(TenantId tenant, String subscriptionId) {
        return query(SELECT + " AND id = ? ORDER BY start_at", tenant, subscriptionId);
    }

    @Override
    public List<Subscription> forCustomer(TenantId tenant, CustomerId customer) {
        return query(SELECT + " AND customer_id = ? ORDER BY id, start_at", tenant,
                customer.value());
    }

    @Override
    public List<Subscription> list(TenantId tenant) {
        return query(SELECT + " ORDER BY id, start_at", tenant, null);
    }

    private List<Subscription> query(String sql, TenantId tenant, String argument) {
        return database.read("subscriptions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                if (argument != null) {
                    statement.setString(2, argument);
                }
                List<Subscription> terms = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        terms.add(CsKitJson.read(rows.getString("body"), Subscription.class));
                    }
                }
                return List.copyOf(terms);
            }
        });
    }
}
