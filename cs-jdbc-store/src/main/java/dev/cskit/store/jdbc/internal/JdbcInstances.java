package dev.cskit.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.StoreException;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceCommit;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.core.store.InstanceStore;
import dev.cskit.core.store.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Process instances in {@code cskit_instance} with their audit trail in {@code cskit_audit},
 * and the instance commit.
 *
 * <p>Design note. A commit is one transaction whose first statement is the version check:
 * for a new instance an insert that does nothing when the id exists, for a known one
 * {@code UPDATE ... WHERE tenant = ? AND id = ? AND version = ?}. Either touches exactly one
 * row or the commit stops there, is rolled back and reports a
 * {@link VersionConflictException} with the version found. The update holds the row lock
 * until the commit, so a second writer of the same instance waits and then finds the new
 * version: at most one decision per version lands, and no update is lost. The audit entries,
 * due items, alerts and outbox entries follow in the same transaction. Instances are never
 * cached: every read sees the database.
 */
public final class JdbcInstances implements InstanceStore {

    private static final String COLUMNS = "tenant, id, customer_id, definition_key,"
            + " definition_version, status, step, step_entered_at, started_at, updated_at,"
            + " version, state";
    private static final String AUDIT_COLUMNS = "tenant, instance_id, seq, from_step, to_step,"
            + " trigger_kind, trigger_ref, happened_at, actor, detail";
    private static final TypeReference<Map<String, String>> DETAIL =
            new TypeReference<Map<String, String>>() {
            };

    private final Database database;
    private final JdbcDueItems dueItems;
    private final JdbcAlerts alerts;
    private final JdbcOutbox outbox;
    private final String insert;

    /**
     * Creates the instance store.
     *
     * @param database the database
     * @param dueItems the due items, replaced by each commit
     * @param alerts the alerts, raised and cleared by commits
     * @param outbox the outbox, filled by commits
     */
    public JdbcInstances(Database database, JdbcDueItems dueItems, JdbcAlerts alerts,
            JdbcOutbox outbox) {
        this.database = database;
        this.dueItems = dueItems;
        this.alerts = alerts;
        this.outbox = outbox;
        this.insert = SqlText.insertIfAbsent(database.dialect(), "cskit_instance",
                List.of("tenant", "id"),
                List.of("customer_id", "definition_key", "definition_version", "status", "step",
                        "step_entered_at", "started_at", "updated_at", "version", "state"));
    }

    @Override
    public void commit(InstanceCommit commit) {
        check(commit);
        InstanceRecord instance = commit.instance();
        Long conflict = database.write("instance '" + instance.id() + "'", connection -> {
            boolean landed = commit.expectedVersion() == 0
                    ? insert(connection, instance)
                    : update(connection, instance, commit.expectedVersion());
            if (!landed) {
                connection.rollback();
                return Long.valueOf(version(connection, instance.tenant(), instance.id()));
            }
            checkTrail(connection, commit);
            appendAudit(connection, commit.audit());
            dueItems.replace(connection, instance.tenant(), instance.id(), commit.dueItems(),
                    commit.expectedVersion() == 0);
            alerts.raise(connection, commit.raise());
            alerts.clear(connection, instance.tenant(), instance.id(), commit.clear(),
                    instance.updatedAt());
            outbox.add(connection, commit.outbox());
            return null;
        });
        if (conflict != null) {
            throw new VersionConflictException("instance", instance.id(),
                    commit.expectedVersion(), conflict);
        }
    }

    /**
     * Checks what needs no database: every part against the column sizes, and keys unique
     * within the commit.
     */
    private static void check(InstanceCommit commit) {
        InstanceRecord instance = commit.instance();
        Columns columns = new Columns()
                .text("instance.id", instance.id(), Columns.ID)
                .text("instance.definitionKey", instance.definitionKey(), Columns.ID)
                .text("instance.step", instance.step(), Columns.ID);
        for (int i = 0; i < commit.audit().size(); i++) {
            AuditEntry entry = commit.audit().get(i);
            String field = "audit[" + i + "].";
            columns.optionalText(field + "fromStep", entry.fromStep(), Columns.ID)
                    .text(field + "toStep", entry.toStep(), Columns.ID)
                    .text(field + "trigger", entry.trigger(), Columns.KIND)
                    .optionalText(field + "triggerRef", entry.triggerRef(), Columns.ID)
                    .text(field + "actor", entry.actor(), Columns.ID);
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < commit.dueItems().size(); i++) {
            DueItem item = commit.dueItems().get(i);
            String field = "dueItems[" + i + "].";
            columns.text(field + "key", item.key(), Columns.ID)
                    .text(field + "kind", item.kind(), Columns.KIND)
                    .optionalText(field + "claimedBy", item.claimedBy(), Columns.ID);
            if (!keys.add(item.key())) {
                columns.problem(field + "key", item.key(), "must be unique within the instance");
            }
        }
        Set<String> alertIds = new HashSet<>();
        for (int i = 0; i < commit.raise().size(); i++) {
            Alert alert = commit.raise().get(i);
            String field = "raise[" + i + "].";
            columns.text(field + "id", alert.id(), Columns.ID)
                    .text(field + "processKey", alert.processKey(), Columns.ID)
                    .text(field + "step", alert.step(), Columns.ID)
                    .text(field + "level", alert.level(), Columns.KIND);
            if (!alertIds.add(alert.id())) {
                columns.problem(field + "id", alert.id(), "must not appear twice in one commit");
            }
        }
        Set<String> outboxIds = new HashSet<>();
        for (int i = 0; i < commit.outbox().size(); i++) {
            OutboxEntry entry = commit.outbox().get(i);
            String field = "outbox[" + i + "].";
            columns.text(field + "id", entry.id(), Columns.ID)
                    .text(field + "actionType", entry.actionType(), Columns.TYPE)
                    .optionalText(field + "claimedBy", entry.claimedBy(), Columns.ID);
            if (!outboxIds.add(entry.id())) {
                columns.problem(field + "id", entry.id(), "must be new: an outbox id is stored"
                        + " once");
            }
        }
        columns.throwIfInvalid();
    }

    /**
     * Checks that the commit's audit entries continue the stored trail without gaps. Runs
     * after the version check, while the instance row is locked, so the trail cannot grow
     * meanwhile.
     */
    private static void checkTrail(Connection connection, InstanceCommit commit)
            throws SQLException {
        if (commit.audit().isEmpty()) {
            return;
        }
        long next = 1;
        if (commit.expectedVersion() > 0) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(seq)"
                    + " FROM cskit_audit WHERE tenant = ? AND instance_id = ?")) {
                statement.setString(1, commit.instance().tenant().value());
                statement.setString(2, commit.instance().id());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    next = rows.getLong(1) + 1;
                }
            }
        }
        for (int i = 0; i < commit.audit().size(); i++, next++) {
            long sequence = commit.audit().get(i).sequence();
            if (sequence != next) {
                throw new InvalidInputException("audit[" + i + "].sequence", sequence,
                        "must be " + next + ", continuing the stored trail without gaps");
            }
        }
    }

    private boolean insert(Connection connection, InstanceRecord instance) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, instance.tenant().value());
            statement.setString(2, instance.id());
            bindState(statement, 3, instance);
            if (SqlText.keyRepeats(database.dialect())) {
                statement.setString(13, instance.tenant().value());
                statement.setString(14, instance.id());
            }
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Database.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean update(Connection connection, InstanceRecord instance, long expected)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE cskit_instance"
                + " SET customer_id = ?, definition_key = ?, definition_version = ?, status = ?,"
                + " step = ?, step_entered_at = ?, started_at = ?, updated_at = ?, version = ?,"
                + " state = ? WHERE tenant = ? AND id = ? AND version = ?")) {
            bindState(statement, 1, instance);
            statement.setString(11, instance.tenant().value());
            statement.setString(12, instance.id());
            statement.setLong(13, expected);
            return statement.executeUpdate() == 1;
        }
    }

    /** Binds the ten columns after the key, from {@code first} on. */
    private static void bindState(PreparedStatement statement, int first,
            InstanceRecord instance) throws SQLException {
        statement.setString(first, instance.customerId().value());
        statement.setString(first + 1, instance.definitionKey());
        statement.setInt(first + 2, instance.definitionVersion());
        statement.setString(first + 3, instance.status().name());
        statement.setString(first + 4, instance.step());
        Binding.instant(statement, first + 5, instance.stepEnteredAt());
        Binding.instant(statement, first + 6, instance.startedAt());
        Binding.instant(statement, first + 7, instance.updatedAt());
        statement.setLong(first + 8, instance.version());
        statement.setString(first + 9, instance.state());
    }

    private static long version(Connection connection, TenantId tenant, String id)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version FROM cskit_instance WHERE tenant = ? AND id = ?")) {
            statement.setString(1, tenant.value());
            statement.setString(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    private static void appendAudit(Connection connection, List<AuditEntry> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO cskit_audit"
                + " (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry entry : entries) {
                statement.setString(1, entry.tenant().value());
                statement.setString(2, entry.instanceId());
                statement.setLong(3, entry.sequence());
                Binding.text(statement, 4, entry.fromStep());
                statement.setString(5, entry.toStep());
                statement.setString(6, entry.trigger());
                Binding.text(statement, 7, entry.triggerRef());
                Binding.instant(statement, 8, entry.at());
                statement.setString(9, entry.actor());
                statement.setString(10, CsKitJson.write(entry.detail()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public Optional<InstanceRecord> find(TenantId tenant, String instanceId) {
        List<InstanceRecord> found = instances("SELECT " + COLUMNS + " FROM cskit_instance"
                + " WHERE tenant = ? AND id = ?", tenant, instanceId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<InstanceRecord> forCustomer(TenantId tenant, CustomerId customer) {
        return instances("SELECT " + COLUMNS + " FROM cskit_instance WHERE tenant = ?"
                + " AND customer_id = ? ORDER BY started_at, id", tenant, customer.value());
    }

    @Override
    public List<InstanceRecord> runningForCustomer(TenantId tenant, CustomerId customer) {
        return instances("SELECT " + COLUMNS + " FROM cskit_instance WHERE tenant = ?"
                + " AND customer_id = ? AND status = 'RUNNING' ORDER BY started_at, id", tenant,
                customer.value());
    }

    @Override
    public long count(TenantId tenant, InstanceStatus status) {
        return database.read("instances", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM cskit_instance WHERE tenant = ? AND status = ?")) {
                statement.setString(1, tenant.value());
                statement.setString(2, status.name());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public List<AuditEntry> audit(TenantId tenant, String instanceId) {
        return database.read("audit of instance '" + instanceId + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT "
                    + AUDIT_COLUMNS + " FROM cskit_audit WHERE tenant = ? AND instance_id = ?"
                    + " ORDER BY seq")) {
                statement.setString(1, tenant.value());
                statement.setString(2, instanceId);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(auditEntry(rows));
                    }
                }
                return List.copyOf(entries);
            }
        });
    }

    private static AuditEntry auditEntry(ResultSet rows) throws SQLException {
        Map<String, String> detail;
        try {
            detail = CsKitJson.mapper().readValue(rows.getString("detail"), DETAIL);
        } catch (JsonProcessingException e) {
            throw new StoreException("the audit detail of instance '"
                    + rows.getString("instance_id") + "' is not a JSON object of texts", null, e);
        }
        return AuditEntry.builder()
                .tenant(TenantId.of(rows.getString("tenant")))
                .instanceId(rows.getString("instance_id"))
                .sequence(rows.getLong("seq"))
                .fromStep(Binding.optionalText(rows, "from_step"))
                .toStep(rows.getString("to_step"))
                .trigger(rows.getString("trigger_kind"))
                .triggerRef(Binding.optionalText(rows, "trigger_ref"))
                .at(Binding.instant(rows, "happened_at"))
                .actor(rows.getString("actor"))
                .detail(detail)
                .build();
    }

    private List<InstanceRecord> instances(String sql, TenantId tenant, String argument) {
        return database.read("instances", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                statement.setString(2, argument);
                List<InstanceRecord> instances = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        instances.add(InstanceRecord.builder()
                                .tenant(TenantId.of(rows.getString("tenant")))
                                .id(rows.getString("id"))
                                .customerId(CustomerId.of(rows.getString("customer_id")))
                                .definitionKey(rows.getString("definition_key"))
                                .definitionVersion(rows.getInt("definition_version"))
                                .status(InstanceStatus.valueOf(rows.getString("status")))
                                .step(rows.getString("step"))
                                .stepEnteredAt(Binding.instant(rows, "step_entered_at"))
                                .startedAt(Binding.instant(rows, "started_at"))
                                .updatedAt(Binding.instant(rows, "updated_at"))
                                .version(rows.getLong("version"))
                                .state(rows.getString("state"))
                                .build());
                    }
                }
                return List.copyOf(instances);
            }
        });
    }
}
