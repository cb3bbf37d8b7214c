package dev.cskit.store.jdbc.internal;

import dev.cskit.core.TenantId;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.DueItemStore;
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
    /** When a row may be claimed, if of the tenant and unleased (see LeaseClaim). */
    private static final String READY = "due_at <= ?";
    private static final Comparator<DueItem> ORDER = Comparator.comparing(DueItem::dueAt)
            .thenComparing(DueItem::instanceId).thenComparing(DueItem::key);

    private final Database database;
    private final LeaseClaim<DueItem> claim;

    /**
     * Creates the due item store.
     *
     * @param database the database
     */
    public JdbcDueItems(Database database) {
        this.database = database;
        this.claim = new LeaseClaim<>(database, "due item claims", "cskit_due_item", COLUMNS,
                List.of("instance_id", "item_key"), "due_at, instance_id, item_key", READY,
                (statement, index, item) -> {
                    statement.setString(index, item.instanceId());
                    statement.setString(index + 1, item.key());
                    return index + 2;
                },
                JdbcDueItems::items,
                (item, owner, leaseUntil) -> DueItem.builder().copyFrom(item).claimedBy(owner)
                        .leaseUntil(leaseUntil).build(),
                ORDER);
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
        return claim.claim(tenant, now, limit, owner, leaseUntil);
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
