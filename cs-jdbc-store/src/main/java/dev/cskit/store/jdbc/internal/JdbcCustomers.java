package dev.cskit.store.jdbc.internal;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.Customer;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.CustomerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Customers in {@code cskit_customer}: the key columns and the customer as JSON.
 *
 * <p>{@link #find} reads through a bounded cache. A write on this node invalidates its
 * entry after the commit; a write by another node is seen once the entry expires. Nothing
 * version-checked is cached here.
 */
public final class JdbcCustomers implements CustomerStore {

    private static final String TABLE = "cskit_customer";

    private final Database database;
    private final Cache<RecordKey, Customer> cache;
    private final String upsert;

    /**
     * Creates the customer store.
     *
     * @param database the database
     * @param cache the cache of customers by tenant and id
     */
    public JdbcCustomers(Database database, Cache<RecordKey, Customer> cache) {
        this.database = database;
        this.cache = cache;
        this.upsert = SqlText.upsert(database.dialect(), TABLE, List.of("tenant", "id"),
                List.of("body"));
    }

    @Override
    public void put(Customer customer) {
        database.write("customer '" + customer.id() + "'", connection -> {
            write(connection, List.of(customer));
            return null;
        });
        invalidate(List.of(customer));
    }

    /**
     * Writes customers on a connection the caller's transaction owns.
     *
     * @param connection the connection
     * @param customers the customers
     * @throws SQLException on a database failure
     */
    void write(Connection connection, List<Customer> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Customer customer : customers) {
                statement.setString(1, customer.tenant().value());
                statement.setString(2, customer.id().value());
                statement.setString(3, CsKitJson.write(customer));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Drops cached copies of customers just written.
     *
     * @param customers the customers
     */
    void invalidate(List<Customer> customers) {
        for (Customer customer : customers) {
            cache.invalidate(new RecordKey(customer.tenant(), customer.id().value()));
        }
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        RecordKey key = new RecordKey(tenant, id.value());
        Customer cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Customer> found = database.read("customer '" + id + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT body FROM cskit_customer WHERE tenant = ? AND id = ?")) {
                statement.setString(1, tenant.value());
                statement.setString(2, id.value());
                List<Customer> rows = customers(statement);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
        found.ifPresent(customer -> cache.put(key, customer));
        return found;
    }

    @Override
    public List<Customer> list(TenantId tenant) {
        return database.read("customers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT body FROM cskit_customer WHERE tenant = ? ORDER BY id")) {
                statement.setString(1, tenant.value());
                return customers(statement);
            }
        });
    }

    @Override
    public long count(TenantId tenant) {
        return database.read("customers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM cskit_customer WHERE tenant = ?")) {
                statement.setString(1, tenant.value());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private static List<Customer> customers(PreparedStatement statement) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                customers.add(CsKitJson.read(rows.getString("body"), Customer.class));
            }
        }
        return List.copyOf(customers);
    }
}
