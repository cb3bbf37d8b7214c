package dev.cskit.store.jdbc.internal;

import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.AlertStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alerts in {@code cskit_alert}: read here, raised and cleared by the instance commit
 * ({@link #raise}, {@link #clear}) in the commit's transaction.
 */
public final class JdbcAlerts implements AlertStore {

    private static final String SELECT = "SELECT tenant, id, instance_id, customer_id,"
            + " process_key, step, alert_level, due_at, raised_at, reason, cleared_at"
            + " FROM cskit_alert WHERE tenant = ?";

    private final Database database;
    private final String insert;

    /**
     * Creates the alert store.
     *
     * @param database the database
     */
    public JdbcAlerts(Database database) {
        this.database = database;
        this.insert = SqlText.insertIfAbsent(database.dialect(), "cskit_alert",
                List.of("tenant", "id"),
                List.of("instance_id", "customer_id", "process_key", "step", "alert_level",
                        "due_at", "raised_at", "reason", "cleared_at"));
    }

    /**
     * Raises alerts whose ids are not stored yet, in the caller's transaction.
     *
     * @param connection the connection
     * @param alerts the alerts
     * @throws SQLException on a database failure
     */
    void raise(Connection connection, List<Alert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Alert alert : alerts) {
                statement.setString(1, alert.tenant().value());
                statement.setString(2, alert.id());
                statement.setString(3, alert.instanceId());
                statement.setString(4, alert.customerId().value());
                statement.setString(5, alert.processKey());
                statement.setString(6, alert.step());
                statement.setString(7, alert.level());
                Binding.instant(statement, 8, alert.dueAt());
                Binding.instant(statement, 9, alert.raisedAt());
                statement.setString(10, alert.reason());
                Binding.instant(statement, 11, alert.clearedAt());
                if (SqlText.keyRepeats(database.dialect())) {
                    statement.setString(12, alert.tenant().value());
                    statement.setString(13, alert.id());
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Clears open alerts of one instance, in the caller's transaction.
     *
     * @param connection the connection
     * @param tenant the tenant
     * @param instanceId the instance
     * @param ids the alert ids
     * @param at when they are cleared
     * @throws SQLException on a database failure
     */
    void clear(Connection connection, TenantId tenant, String instanceId, List<String> ids,
            Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE cskit_alert"
                + " SET cleared_at = ? WHERE tenant = ? AND instance_id = ? AND id = ?"
                + " AND cleared_at IS NULL")) {
            for (String id : ids) {
                Binding.instant(statement, 1, at);
                statement.setString(2, tenant.value());
                statement.setString(3, instanceId);
                statement.setString(4, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<Alert> open(TenantId tenant, AlertQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" AND cleared_at IS NULL");
        List<Object> arguments = new ArrayList<>();
        query.processKey().ifPresent(key -> add(sql, arguments, " AND process_key = ?", key));
        query.step().ifPresent(step -> add(sql, arguments, " AND step = ?", step));
        query.level().ifPresent(level -> add(sql, arguments, " AND alert_level = ?", level));
        query.raisedBefore().ifPresent(at -> add(sql, arguments, " AND raised_at < ?", at));
        sql.append(" ORDER BY raised_at, id FETCH FIRST ? ROWS ONLY");
        arguments.add(Columns.positiveLimit(query.limit()));
        return query(sql.toString(), tenant, arguments);
    }

    private static void add(StringBuilder sql, List<Object> arguments, String condition,
            Object argument) {
        sql.append(condition);
        arguments.add(argument);
    }

    @Override
    public List<Alert> forInstance(TenantId tenant, String instanceId) {
        return query(SELECT + " AND instance_id = ? ORDER BY raised_at, id", tenant,
                List.of(instanceId));
    }

    @Override
    public Optional<Alert> find(TenantId tenant, String alertId) {
        List<Alert> found = query(SELECT + " AND id = ?", tenant, List.of(alertId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Alert> query(String sql, TenantId tenant, List<Object> arguments) {
        return database.read("alerts", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                for (int i = 0; i < arguments.size(); i++) {
                    Object argument = arguments.get(i);
                    if (argument instanceof Instant) {
                        Binding.bound(statement, i + 2, (Instant) argument);
                    } else if (argument instanceof Integer) {
                        statement.setInt(i + 2, (Integer) argument);
                    } else {
                        statement.setString(i + 2, (String) argument);
                    }
                }
                List<Alert> alerts = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        alerts.add(alert(rows));
                    }
                }
                return List.copyOf(alerts);
            }
        });
    }

    private static Alert alert(ResultSet rows) throws SQLException {
        return Alert.builder()
                .tenant(TenantId.of(rows.getString("tenant")))
                .id(rows.getString("id"))
                .instanceId(rows.getString("instance_id"))
                .customerId(CustomerId.of(rows.getString("customer_id")))
                .processKey(rows.getString("process_key"))
                .step(rows.getString("step"))
                .level(rows.getString("alert_level"))
                .dueAt(Binding.instant(rows, "due_at"))
                .raisedAt(Binding.instant(rows, "raised_at"))
                .reason(rows.getString("reason"))
                .clearedAt(Binding.optionalInstant(rows, "cleared_at"))
                .build();
    }
}
