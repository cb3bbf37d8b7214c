package dev.cskit.store.jdbc.internal;

import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.core.store.OutboxStatus;
import dev.cskit.core.store.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code cskit_outbox}: entries stored by the instance commit, claimed for a
 * lease the same way as due items (see {@link JdbcDueItems}), then marked delivered or
 * failed. An entry whose lease ran out unfinished is claimed again, so every entry is handed
 * to a handler at least once, always with its stable id.
 */
public final class JdbcOutbox implements OutboxStore {

    private static final String COLUMNS = "tenant, id, instance_id, action_type, payload,"
            + " created_at, status, attempts, next_attempt_at, last_error, claimed_by,"
            + " lease_until";
    /** When a row may be claimed, if of the tenant and unleased (see LeaseClaim). */
    private static final String READY = "status = 'PENDING' AND next_attempt_at <= ?";
    private static final Comparator<OutboxEntry> ORDER =
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id);

    private final Database database;
    private final LeaseClaim<OutboxEntry> claim;

    /**
     * Creates the outbox.
     *
     * @param database the database
     */
    public JdbcOutbox(Database database) {
        this.database = database;
        this.claim = new LeaseClaim<>(database, "outbox claims", "cskit_outbox", COLUMNS,
                List.of("id"), "next_attempt_at, id", READY,
                (statement, index, entry) -> {
                    statement.setString(index, entry.id());
                    return index + 1;
                },
                JdbcOutbox::entries,
                (entry, owner, leaseUntil) -> OutboxEntry.builder().copyFrom(entry)
                        .claimedBy(owner).leaseUntil(leaseUntil).build(),
                ORDER);
    }

    /**
     * Adds entries, in the caller's transaction.
     *
     * @param connection the connection
     * @param entries the entries
     * @throws SQLException on a database failure, such as an id already stored
     */
    void add(Connection connection, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO"
                + " cskit_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OutboxEntry entry : entries) {
                statement.setString(1, entry.tenant().value());
                statement.setString(2, entry.id());
                statement.setString(3, entry.instanceId());
                statement.setString(4, entry.actionType());
                statement.setString(5, entry.payload());
                Binding.instant(statement, 6, entry.createdAt());
                statement.setString(7, entry.status().name());
                statement.setInt(8, entry.attempts());
                Binding.instant(statement, 9, entry.nextAttemptAt());
                Binding.text(statement, 10, entry.lastError());
                Binding.text(statement, 11, entry.claimedBy());
                Binding.instant(statement, 12, entry.leaseUntil());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<OutboxEntry> claim(TenantId tenant, Instant now, int limit, String owner,
            Instant leaseUntil) {
        return claim.claim(tenant, now, limit, owner, leaseUntil);
    }

    @Override
    public void markDelivered(TenantId tenant, String id) {
        update(tenant, id, "status = 'DELIVERED', attempts = attempts + 1,"
                + " claimed_by = NULL, lease_until = NULL", null, null);
    }

    @Override
    public void markFailed(TenantId tenant, String id, String error, Optional<Instant> retryAt) {
        String message = error == null ? "" : error;
        if (retryAt.isPresent()) {
            update(tenant, id, "status = 'PENDING', attempts = attempts + 1, last_error = ?,"
                    + " next_attempt_at = ?, claimed_by = NULL, lease_until = NULL", message,
                    retryAt.get());
        } else {
            update(tenant, id, "status = 'FAILED', attempts = attempts + 1, last_error = ?,"
                    + " claimed_by = NULL, lease_until = NULL", message, null);
        }
    }

    private void update(TenantId tenant, String id, String set, String error, Instant retryAt) {
        int updated = database.write("outbox entry '" + id + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE cskit_outbox SET " + set + " WHERE tenant = ? AND id = ?")) {
                int index = 1;
                if (error != null) {
                    statement.setString(index++, error);
                }
                if (retryAt != null) {
                    Binding.instant(statement, index++, retryAt);
                }
                statement.setString(index++, tenant.value());
                statement.setString(index, id);
                return statement.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new NoSuchRecordException("outbox entry", id, tenant);
        }
    }

    @Override
    public Optional<OutboxEntry> find(TenantId tenant, String id) {
        List<OutboxEntry> found = query("SELECT " + COLUMNS
                + " FROM cskit_outbox WHERE tenant = ? AND id = ?", tenant, id, 0);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<OutboxEntry> list(TenantId tenant, OutboxStatus status, int limit) {
        return query("SELECT " + COLUMNS + " FROM cskit_outbox WHERE tenant = ? AND status = ?"
                + " ORDER BY created_at, id FETCH FIRST ? ROWS ONLY", tenant, status.name(),
                Columns.positiveLimit(limit));
    }

    private List<OutboxEntry> query(String sql, TenantId tenant, String argument, int limit) {
        return database.read("outbox", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                statement.setString(2, argument);
                if (limit > 0) {
                    statement.setInt(3, limit);
                }
                return entries(statement);
            }
        });
    }

    private static List<OutboxEntry> entries(PreparedStatement statement) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(OutboxEntry.builder()
                        .tenant(TenantId.of(rows.getString("tenant")))
                        .id(rows.getString("id"))
                        .instanceId(rows.getString("instance_id"))
                        .actionType(rows.getString("action_type"))
                        .payload(rows.getString("payload"))
                        .createdAt(Binding.instant(rows, "created_at"))
                        .status(OutboxStatus.valueOf(rows.getString("status")))
                        .attempts(rows.getInt("attempts"))
                        .nextAttemptAt(Binding.instant(rows, "next_attempt_at"))
                        .lastError(Binding.optionalText(rows, "last_error"))
                        .claimedBy(Binding.optionalText(rows, "claimed_by"))
                        .leaseUntil(Binding.optionalInstant(rows, "lease_until"))
                        .build());
            }
        }
        return List.copyOf(entries);
    }
}
