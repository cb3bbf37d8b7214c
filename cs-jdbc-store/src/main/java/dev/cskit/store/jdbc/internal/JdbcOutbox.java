package dev.cskit.store.jdbc.internal;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.OutboxEntry;
import dev.cskit.core.store.OutboxStatus;
import dev.cskit.core.store.OutboxStore;
import dev.cskit.store.jdbc.Dialect;
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
    private static final String CLAIMABLE = "tenant = ? AND status = 'PENDING'"
            + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";
    private static final Comparator<OutboxEntry> ORDER =
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id);

    private final Database database;

    /**
     * Creates the outbox.
     *
     * @param database the database
     */
    public JdbcOutbox(Database database) {
        this.database = database;
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
        int max = Columns.positiveLimit(limit);
        new Columns().text("owner", owner, Columns.ID).throwIfInvalid();
        if (!leaseUntil.isAfter(now)) {
            throw new InvalidInputException("leaseUntil", leaseUntil,
                    "must be after now (" + now + ")");
        }
        List<OutboxEntry> claimed = database.write("outbox claims", connection ->
                database.dialect() == Dialect.POSTGRESQL
                        ? claimInOneStatement(connection, tenant, now, max, owner, leaseUntil)
                        : claimRowByRow(connection, tenant, now, max, owner, leaseUntil));
        List<OutboxEntry> sorted = new ArrayList<>(claimed);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }

    private static List<OutboxEntry> claimInOneStatement(Connection connection, TenantId tenant,
            Instant now, int limit, String owner, Instant leaseUntil) throws SQLException {
        StringBuilder returning = new StringBuilder();
        for (String column : COLUMNS.split(",")) {
            returning.append(returning.length() == 0 ? "" : ", ").append("o.")
                    .append(column.trim());
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE cskit_outbox o SET claimed_by = ?, lease_until = ?"
                        + " FROM (SELECT tenant, id FROM cskit_outbox WHERE " + CLAIMABLE
                        + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY"
                        + " FOR UPDATE SKIP LOCKED) c"
                        + " WHERE o.tenant = c.tenant AND o.id = c.id RETURNING " + returning)) {
            statement.setString(1, owner);
            Binding.instant(statement, 2, leaseUntil);
            statement.setString(3, tenant.value());
            Binding.bound(statement, 4, now);
            Binding.bound(statement, 5, now);
            statement.setInt(6, limit);
            return entries(statement);
        }
    }

    private static List<OutboxEntry> claimRowByRow(Connection connection, TenantId tenant,
            Instant now, int limit, String owner, Instant leaseUntil) throws SQLException {
        // As for due items: a plain read first, since H2 parses every FOR UPDATE query anew
        // and the runner's last claim of each dispatch finds nothing.
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1"
                + " FROM cskit_outbox WHERE " + CLAIMABLE + " FETCH FIRST 1 ROW ONLY")) {
            statement.setString(1, tenant.value());
            Binding.bound(statement, 2, now);
            Binding.bound(statement, 3, now);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
            }
        }

        List<OutboxEntry> candidates;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM cskit_outbox WHERE " + CLAIMABLE
                + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            statement.setString(1, tenant.value());
            Binding.bound(statement, 2, now);
            Binding.bound(statement, 3, now);
            statement.setInt(4, limit);
            candidates = entries(statement);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }

        // As for due items: the lease lands only where the entry is still claimable, in one
        // batch whose counts say which landed.
        int[] updated;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE cskit_outbox"
                + " SET claimed_by = ?, lease_until = ? WHERE id = ? AND " + CLAIMABLE)) {
            for (OutboxEntry candidate : candidates) {
                statement.setString(1, owner);
                Binding.instant(statement, 2, leaseUntil);
                statement.setString(3, candidate.id());
                statement.setString(4, tenant.value());
                Binding.bound(statement, 5, now);
                Binding.bound(statement, 6, now);
                statement.addBatch();
            }
            updated = statement.executeBatch();
        }
        List<OutboxEntry> claimed = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (updated[i] == 1) {
                claimed.add(OutboxEntry.builder().copyFrom(candidates.get(i)).claimedBy(owner)
                        .leaseUntil(leaseUntil).build());
            }
        }
        return claimed;
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
