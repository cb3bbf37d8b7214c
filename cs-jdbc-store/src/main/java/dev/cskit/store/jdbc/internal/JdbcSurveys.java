package dev.cskit.store.jdbc.internal;

import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerId;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.SurveyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Survey answers in {@code cskit_survey}, keyed by tenant and response id. */
public final class JdbcSurveys implements SurveyStore {

    private static final String SELECT = "SELECT body FROM cskit_survey WHERE tenant = ?";

    private final Database database;
    private final String upsert;

    /**
     * Creates the survey store.
     *
     * @param database the database
     */
    public JdbcSurveys(Database database) {
        this.database = database;
        this.upsert = SqlText.upsert(database.dialect(), "cskit_survey",
                List.of("tenant", "id"), List.of("customer_id", "answered_at", "body"));
    }

    @Override
    public void put(SurveyResponse response) {
        database.write("survey answer '" + response.id() + "'", connection -> {
            write(connection, List.of(response));
            return null;
        });
    }

    /**
     * Writes answers on a connection the caller's transaction owns.
     *
     * @param connection the connection
     * @param responses the answers
     * @throws SQLException on a database failure
     */
    void write(Connection connection, List<SurveyResponse> responses) throws SQLException {
        if (responses.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (SurveyResponse response : responses) {
                statement.setString(1, response.tenant().value());
                statement.setString(2, response.id());
                statement.setString(3, response.customerId().value());
                Binding.instant(statement, 4, response.answeredAt());
                statement.setString(5, CsKitJson.write(response));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<SurveyResponse> forCustomer(TenantId tenant, CustomerId customer) {
        return query(SELECT + " AND customer_id = ? ORDER BY answered_at, id", tenant,
                customer.value());
    }

    @Override
    public List<SurveyResponse> list(TenantId tenant) {
        return query(SELECT + " ORDER BY answered_at, id", tenant, null);
    }

    private List<SurveyResponse> query(String sql, TenantId tenant, String customer) {
        return database.read("survey answers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                if (customer != null) {
                    statement.setString(2, customer);
                }
                List<SurveyResponse> responses = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        responses.add(CsKitJson.read(rows.getString("body"),
                                SurveyResponse.class));
                    }
                }
                return List.copyOf(responses);
            }
        });
    }
}
