package dev.cskit.store.jdbc.internal;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.TenantId;
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
 * A claim of leased rows, shared by the due items and the outbox: checks the arguments, then
 * writes {@code claimed_by} and {@code lease_until} into up to {@code limit} claimable rows of
 * one tenant and returns them sorted, so two nodes claiming at once get disjoint sets.
 *
 * <p>On PostgreSQL it is one {@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED)
 * RETURNING}. On H2 it is a plain read of whether anything is claimable, a
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} of the candidates and one batch of conditional
 * updates that only land while the row is still claimable.
 *
 * <p>The table must have the columns {@code tenant}, {@code claimed_by} and
 * {@code lease_until}; its key is {@code tenant} and the key columns given. A row is claimable
 * when it is the tenant's, it is ready (a condition the store gives) and it is unleased or its
 * lease has ended. Immutable and thread-safe.
 *
 * @param <T> the claimed record
 */
final class LeaseClaim<T> {

    /** Binds the key columns (after {@code tenant}) of one candidate. */
    @FunctionalInterface
    interface KeyBinder<T> {

        /**
         * Binds the candidate's key values from {@code index} on, in key column order.
         *
         * @param statement the statement
         * @param index the first parameter index of the key
         * @param candidate the candidate
         * @return the index after the key's last parameter
         * @throws SQLException on a driver failure
         */
        int bind(PreparedStatement statement, int index, T candidate) throws SQLException;
    }

    /** Reads the records a query returns. */
    @FunctionalInterface
    interface Rows<T> {

        /**
         * Runs the query and maps every row.
         *
         * @param statement the bound query, selecting the table's column list
         * @return the records
         * @throws SQLException on a database failure
         */
        List<T> read(PreparedStatement statement) throws SQLException;
    }

    /** Gives a candidate the lease just written into its row. */
    @FunctionalInterface
    interface Leased<T> {

        /**
         * Returns the candidate as claimed.
         *
         * @param candidate the candidate as read
         * @param owner the claiming owner
         * @param leaseUntil the lease end
         * @return the claimed record
         */
        T with(T candidate, String owner, Instant leaseUntil);
    }

    private final Database database;
    private final String what;
    private final KeyBinder<T> keyBinder;
    private final Rows<T> rows;
    private final Leased<T> leased;
    private final Comparator<T> order;
    private final String inOneStatement;
    private final String anyClaimable;
    private final String candidates;
    private final String lease;

    /**
     * Creates the claim.
     *
     * @param database the database
     * @param what what is claimed, for failure messages
     * @param table the table
     * @param columns the column list the rows read, comma separated
     * @param keys the key columns after {@code tenant}
     * @param orderBy the {@code ORDER BY} columns, the order rows are claimed in
     * @param ready the condition under which an unleased row of the tenant may be claimed,
     *     with one parameter, bound to the claim instant
     * @param keyBinder binds a candidate's key columns
     * @param rows reads records
     * @param leased gives a candidate its lease
     * @param order the order of the returned records, as {@code orderBy}
     */
    LeaseClaim(Database database, String what, String table, String columns, List<String> keys,
            String orderBy, String ready, KeyBinder<T> keyBinder, Rows<T> rows,
            Leased<T> leased, Comparator<T> order) {
        this.database = database;
        this.what = what;
        this.keyBinder = keyBinder;
        this.rows = rows;
        this.leased = leased;
        this.order = order;

        String claimable = "tenant = ? AND " + ready
                + " AND (lease_until IS NULL OR lease_until <= ?)";
        StringBuilder join = new StringBuilder("t.tenant = c.tenant");
        for (String key : keys) {
            join.append(" AND t.").append(key).append(" = c.").append(key);
        }
        StringBuilder returning = new StringBuilder();
        for (String column : columns.split(",")) {
            returning.append(returning.length() == 0 ? "" : ", ").append("t.")
                    .append(column.trim());
        }
        this.inOneStatement = "UPDATE " + table + " t SET claimed_by = ?, lease_until = ?"
                + " FROM (SELECT tenant, " + String.join(", ", keys) + " FROM " + table
                + " WHERE " + claimable + " ORDER BY " + orderBy + " FETCH FIRST ? ROWS ONLY"
                + " FOR UPDATE SKIP LOCKED) c WHERE " + join + " RETURNING " + returning;
        this.anyClaimable = "SELECT 1 FROM " + table + " WHERE " + claimable
                + " FETCH FIRST 1 ROW ONLY";
        this.candidates = "SELECT " + columns + " FROM " + table + " WHERE " + claimable
                + " ORDER BY " + orderBy + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
        this.lease = "UPDATE " + table + " SET claimed_by = ?, lease_until = ? WHERE "
                + String.join(" = ? AND ", keys) + " = ? AND " + claimable;
    }

    /**
     * Claims up to {@code limit} claimable rows of a tenant for {@code owner} until
     * {@code leaseUntil}, in one transaction.
     *
     * @param tenant the tenant
     * @param now the claim instant
     * @param limit the most rows to claim
     * @param owner the claiming owner
     * @param leaseUntil the lease end
     * @return the claimed records, with their lease, in claim order
     * @throws InvalidInputException if the limit is not positive, the owner is blank or too
     *     long, or the lease does not end after {@code now}
     */
    List<T> claim(TenantId tenant, Instant now, int limit, String owner, Instant leaseUntil) {
        int max = Columns.positiveLimit(limit);
        new Columns().text("owner", owner, Columns.ID).throwIfInvalid();
        if (!leaseUntil.isAfter(now)) {
            throw new InvalidInputException("leaseUntil", leaseUntil,
                    "must be after now (" + now + ")");
        }
        List<T> claimed = database.write(what, connection ->
                database.dialect() == Dialect.POSTGRESQL
                        ? claimInOneStatement(connection, tenant, now, max, owner, leaseUntil)
                        : claimRowByRow(connection, tenant, now, max, owner, leaseUntil));
        List<T> sorted = new ArrayList<>(claimed);
        sorted.sort(order);
        return List.copyOf(sorted);
    }

    private List<T> claimInOneStatement(Connection connection, TenantId tenant, Instant now,
            int limit, String owner, Instant leaseUntil) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(inOneStatement)) {
            statement.setString(1, owner);
            Binding.instant(statement, 2, leaseUntil);
            int index = bindClaimable(statement, 3, tenant, now);
            statement.setInt(index, limit);
            return rows.read(statement);
        }
    }

    private List<T> claimRowByRow(Connection connection, TenantId tenant, Instant now,
            int limit, String owner, Instant leaseUntil) throws SQLException {
        // A plain read first: H2 parses a FOR UPDATE query anew each time (it never caches
        // one), and most claims find nothing (the runner's last claim of each dispatch always
        // does). A row committed after this read is left for the next claim, as it would be
        // had the claim come a moment sooner.
        try (PreparedStatement statement = connection.prepareStatement(anyClaimable)) {
            bindClaimable(statement, 1, tenant, now);
            try (ResultSet found = statement.executeQuery()) {
                if (!found.next()) {
                    return List.of();
                }
            }
        }

        // H2 applies SKIP LOCKED after the row limit: rows another claimer holds still count
        // against it, so a claim may briefly get fewer than the limit, even none, while more
        // are claimable. Claims stay exclusive; the next claim takes the rest.
        List<T> found;
        try (PreparedStatement statement = connection.prepareStatement(candidates)) {
            int index = bindClaimable(statement, 1, tenant, now);
            statement.setInt(index, limit);
            found = rows.read(statement);
        }
        if (found.isEmpty()) {
            return List.of();
        }

        // The lease is written only where the row is still claimable: the guard that keeps
        // two claimers apart whatever the locks did. One batch; its counts say which landed.
        int[] updated;
        try (PreparedStatement statement = connection.prepareStatement(lease)) {
            for (T candidate : found) {
                statement.setString(1, owner);
                Binding.instant(statement, 2, leaseUntil);
                int index = keyBinder.bind(statement, 3, candidate);
                bindClaimable(statement, index, tenant, now);
                statement.addBatch();
            }
            updated = statement.executeBatch();
        }
        List<T> claimed = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (updated[i] == 1) {
                claimed.add(leased.with(found.get(i), owner, leaseUntil));
            }
        }
        return claimed;
    }

    /** Binds the claimable condition's tenant, ready instant and lease end bound. */
    private static int bindClaimable(PreparedStatement statement, int index, TenantId tenant,
            Instant now) throws SQLException {
        statement.setString(index, tenant.value());
        Binding.bound(statement, index + 1, now);
        Binding.bound(statement, index + 2, now);
        return index + 3;
    }
}
