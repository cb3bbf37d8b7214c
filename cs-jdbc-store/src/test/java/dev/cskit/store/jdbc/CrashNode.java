package dev.cskit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.OutboxStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A node in a JVM of its own, for the crash test: sweeps due items and delivers the outbox on
 * the system clock until nothing is left, then exits with status 0. It can pause after each
 * item, so that a kill lands in the middle of the run.
 *
 * <p>Arguments: JDBC URL, tenant, node name, delivery log path, lease and pause in
 * milliseconds.
 */
final class CrashNode {

    private CrashNode() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(3);
        TenantId tenant = TenantId.of(args[1]);
        String name = args[2];
        Path log = Path.of(args[3]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        long pause = Long.parseLong(args[5]);
        Clock clock = Clock.systemUTC();

        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcStore store = JdbcStore.builder().dataSource(pool).migrate(false).build();
            TimerNode node = new TimerNode(store, tenant, name);
            while (true) {
                Instant now = clock.instant();
                List<DueItem> claimed = store.dueItems().claim(tenant, now, 10, name,
                        now.plus(lease));
                for (DueItem item : claimed) {
                    node.handle(item, clock.instant());
                    Thread.sleep(pause);
                }
                int delivered = node.deliver(clock.instant(), lease, 10, log);
                if (claimed.isEmpty() && delivered == 0) {
                    if (store.dueItems().due(tenant, Instant.MAX, 1).isEmpty()
                            && store.outbox().list(tenant, OutboxStatus.PENDING, 1).isEmpty()) {
                        return;
                    }
                    // Work is left under another node's lease: wait for it to run out.
                    Thread.sleep(100);
                }
            }
        }
    }
}
