package dev.cskit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.OutboxStatus;
import dev.cskit.process.Action;
import dev.cskit.process.ActionHandler;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.Sweep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;

/**
 * An application node in a JVM of its own, for the crash test: a {@link ProcessRunner} over a
 * {@link JdbcStore} on PostgreSQL, on the system clock, ticking until no due item and no
 * pending action is left, then exiting with status 0. Its email handler records each
 * delivery in table {@value #DELIVERIES} (action id, node, attempt), committed before the
 * handler returns, so the record survives a kill; then it pauses, so that a kill lands in the
 * middle of the run.
 *
 * <p>Arguments: JDBC URL, tenant, node name, lease and pause in milliseconds.
 */
final class RunnerNode {

    /** The application's table of deliveries, created by the test. */
    static final String DELIVERIES = "crash_delivery";

    private RunnerNode() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(3);
        TenantId tenant = TenantId.of(args[1]);
        String name = args[2];
        Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
        long pause = Long.parseLong(args[4]);

        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcStore store = JdbcStore.builder().dataSource(pool).migrate(false).build();
            ProcessRunner runner = ProcessRunner.builder().store(store)
                    .clock(Clock.systemUTC()).node(name).lease(lease).batchSize(10)
                    .tenants(Set.of(tenant)).handler(Action.EMAIL, recorder(pool, name, pause))
                    .build();
            while (true) {
                Sweep sweep = runner.tick();
                if (sweep.claimed() == 0 && sweep.actions() == 0) {
                    if (store.dueItems().due(tenant, Instant.MAX, 1).isEmpty()
                            && store.outbox().list(tenant, OutboxStatus.PENDING, 1).isEmpty()) {
                        System.out.println(name + ": nothing left to do");
                        return;
                    }
                    // Work is left under another node's lease: wait for it to run out.
                    Thread.sleep(100);
                }
            }
        }
    }

    private static ActionHandler recorder(DataSource db, String node, long pause) {
        return request -> {
            try (Connection connection = db.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                            + DELIVERIES + " (action_id, node, attempt) VALUES (?, ?, ?)")) {
                insert.setString(1, request.id());
                insert.setString(2, node);
                insert.setInt(3, request.attempt());
                insert.executeUpdate();
            }
            Thread.sleep(pause);
        };
    }
}
