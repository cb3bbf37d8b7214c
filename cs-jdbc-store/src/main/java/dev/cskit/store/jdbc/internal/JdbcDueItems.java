package dev.cskit.store.jdbc.internal;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.DueItemStore;
import dev.cskit.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Due items in {@code cskit_due_item}, indexed by tenant and due instant, so "what is due
 * now" is a range scan however many instances wait.
 *
 * <p>How a claim works. On PostgreSQL one statement picks the due, unleased rows with
 * {@code FOR UPDATE SKIP LOCKED} and writes the lease into them: two nodes claiming at once
 * get disjoint sets, neither waits for the other. On H2 a transaction first reads whether
 * anything is claimable at all (H2 parses every {@code FOR UPDATE} query anew, and most
 * claims find nothing), then locks the candidates with {@code FOR UPDATE SKIP LOCKED} and
 * sets the lease with one batch of conditional updates that only succeed while the row is
 * still due and unleased, so a row is never handed out twice.
 * A lease ends at {@code leaseUntil}; a claim at or after that instant may take the row again,
 * which is how work held by a node that died is done by another.
 */
public final class JdbcDueItems implements DueItemStore {

    private static final String COLUMNS =
            "tenant, instance_id, item_key, kind, due_at, claimed_by, lease_until";
    private static final String CLAIMABLE = "tenant = ? AND due_at <= ?"
            + " AND (lease_until IS NULL OR lease_until <= ?)";
    private static final Comparator<DueItem> ORDER = Comparator.comparing(DueItem::dueAt)
            .thenComparing(DueItem::instanceId).thenComparing(DueItem::key);

    private final Database database;

    /**
     * Creates the due item store.
     *
     * @param database the database
     */
    public JdbcDueItems(Database database) {
        this.database = database;
    }

    /**
     * Replaces an instance's due items, in the caller's transaction.
     *
     * @param connection the connection
     * @param tenant the tenant
     * @param instanceId the instance
     * @param items the new items
     * @param fresh whether the instance is new, so there is nothing to delete
     * @throws SQLException on a database failure
     */
    void replace(Connection connection, TenantId tenant, String instanceId, List<DueItem> items,
            boolean fresh) throws SQLException {
        if (!fresh) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM cskit_due_item WHERE tenant = ? AND instance_id = ?")) {
                statement.setString(1, tenant.value());
                statement.setString(2, instanceId);
                statement.executeUpdate();
            }
        }
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO"
                + " cskit_due_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (DueItem item : items) {
                statement.setString(1, item.tenant().value());
                statement.setString(2, item.instanceId());
                statement.setString(3, item.key());
                statement.setString(4, item.kind());
                Binding.instant(statement, 5, item.dueAt());
                Binding.text(statement, 6, item.claimedBy());
                Binding.instant(statement, 7, item.leaseUntil());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<DueItem> due(TenantId tenant, Instant now, int limit) {
        int max = Columns.positiveLimit(limit);
        return database.read("due items", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM cskit_due_item WHERE tenant = ? AND due_at <= ?"
                    + " ORDER BY due_at, instance_id, item_key FETCH FIRST ? ROWS ONLY")) {
                statement.setString(1, tenant.value());
                Binding.bound(statement, 2, now);
                statement.setInt(3, max);
                return items(statement);
            }
        });
    }

    @Override
    public List<DueItem> claim(TenantId tenant, Instant now, int limit, String owner,
            Instant leaseUntil) {
        int max = Columns.positiveLimit(limit);
        new Columns().text("owner", owner, Columns.ID).throwIfInvalid();
        if (!leaseUntil.isAfter(now)) {
            throw new InvalidInputException("leaseUntil", leaseUntil,
                    "must be after now (" + now + ")");
        }
        List<DueItem> claimed = database.write("due item claims", connection ->
                database.dialect() == Dialect.POSTGRESQL
                        ? claimInOneStatement(connection, tenant, now, max, owner, leaseUntil)
                        : claimRowByRow(connection, tenant, now, max, owner, leaseUntil));
        List<DueItem> sorted = new ArrayList<>(claimed);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }

    private static List<DueItem> claimInOneStatement(Connection connection, TenantId tenant,
            Instant now, int limit, String owner, Instant leaseUntil) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE cskit_due_item d SET claimed_by = ?, lease_until = ?"
                        + " FROM (SELECT tenant, instance_id, item_key FROM cskit_due_item"
                        + " WHERE " + CLAIMABLE
                        + " ORDER BY due_at, instance_id, item_key FETCH FIRST ? ROWS ONLY"
                        + " FOR UPDATE SKIP LOCKED) c"
                        + " WHERE d.tenant = c.tenant AND d.instance_id = c.instance_id"
                        + " AND d.item_key = c.item_key RETURNING d.tenant, d.instance_id,"
                        + " d.item_key, d.kind, d.due_at, d.claimed_by, d.lease_until")) {
            statement.setString(1, owner);
            Binding.instant(statement, 2, leaseUntil);
            statement.setString(3, tenant.value());
            Binding.bound(statement, 4, now);
            Binding.bound(statement, 5, now);
            statement.setInt(6, limit);
            return items(statement);
        }
    }

    private static List<DueItem> claimRowByRow(Connection connection, TenantId tenant,
            Instant now, int limit, String owner, Instant leaseUntil) throws SQLException {
        // A plain read first: H2 parses a FOR UPDATE query anew each time (it never caches
        // one), and most claims find nothing. A row committed after this read is left for the
        // next claim, as it would be had the claim come a moment sooner.
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1"
                + " FROM cskit_due_item WHERE " + CLAIMABLE + " FETCH FIRST 1 ROW ONLY")) {
            statement.setString(1, tenant.value());
            Binding.bound(statement, 2, now);
            Binding.bound(statement, 3, now);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
            }
        }

        List<DueItem> candidates;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM cskit_due_item WHERE " + CLAIMABLE
                + " ORDER BY due_at, instance_id, item_key FETCH FIRST ? ROWS ONLY"
                + " FOR UPDATE SKIP LOCKED")) {
            statement.setString(1, tenant.value());
            Binding.bound(statement, 2, now);
            Binding.bound(statement, 3, now);
            statement.setInt(4, limit);
            candidates = items(statement);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }

        // The lease is written only where the row is still claimable: the guard that keeps
        // two claimers apart whatever the locks did. One batch; its counts say which landed.
        int[] updated;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE cskit_due_item"
                + " SET claimed_by = ?, lease_until = ? WHERE instance_id = ? AND item_key = ?"
                + " AND " + CLAIMABLE)) {
            for (DueItem candidate : candidates) {
                statement.setString(1, owner);
                Binding.instant(statement, 2, leaseUntil);
                statement.setString(3, candidate.instanceId());
                statement.setString(4, candidate.key());
                statement.setString(5, tenant.value());
                Binding.bound(statement, 6, now);
                Binding.bound(statement, 7, now);
                statement.addBatch();
            }
            updated = statement.executeBatch();
        }
        List<DueItem> claimed = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (updated[i] == 1) {
                claimed.add(DueItem.builder().copyFrom(candidates.get(i)).claimedBy(owner)
                        .leaseUntil(leaseUntil).build());
            }
        }
        return claimed;
    }

    @Override
    public List<DueItem> forInstance(TenantId tenant, String instanceId) {
        return database.read("due items of instance '" + instanceId + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM cskit_due_item WHERE tenant = ? AND instance_id = ?"
                    + " ORDER BY due_at, item_key")) {
                statement.setString(1, tenant.value());
                statement.setString(2, instanceId);
                return items(statement);
            }
        });
    }

    private static List<DueItem> items(PreparedStatement statement) throws SQLException {
        List<DueItem> items = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                items.add(DueItem.builder()
                        .tenant(TenantId.of(rows.getString("tenant")))
                        .instanceId(rows.getString("instance_id"))
                        .key(rows.getString("item_key"))
                        .kind(rows.getString("kind"))
                        .dueAt(Binding.instant(rows, "due_at"))
                        .claimedBy(Binding.optionalText(rows, "claimed_by"))
                        .leaseUntil(Binding.optionalInstant(rows, "lease_until"))
                        .build());
            }
        }
        return List.copyOf(items);
    }
}
