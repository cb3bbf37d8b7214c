package dev.cskit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three nodes, each with its own connection pool and store, on one PostgreSQL database:
 * instances whose timer and SLA level are all due, swept by all three at once while events
 * hit 40 shared instances from every node. Afterwards every timer fired exactly once, every
 * alert was raised once, and no event was lost.
 *
 * <p>2,000 instances in the default build, to keep it fast; {@code -Dcskit.scale.instances=10000}
 * runs the full size (about a minute on two cores).
 */
@Tag("scale")
@ExtendWith(PostgresDatabase.class)
final class PostgresSeveralNodesTest {

    private static final TenantId TENANT = TenantId.of("scale");
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final int NODES = 3;
    private static final int SHARED = 40;
    private static final int EVENTS_PER_WORKER = 80;

    private static String schema;
    private static final List<HikariDataSource> POOLS = new ArrayList<>();

    @BeforeAll
    static void createSchema() {
        schema = PostgresDatabase.freshSchema();
    }

    @AfterAll
    static void dropSchema() {
        POOLS.forEach(HikariDataSource::close);
        if (schema != null) {
            PostgresDatabase.dropSchema(schema);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sweep_threeNodesAtOnce_fireEveryTimerOnceAndLoseNoEvent() throws Exception {
        int instances = Integer.getInteger("cskit.scale.instances", 2_000);
        List<TimerNode> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            HikariDataSource pool = PostgresDatabase.pool(schema, 4);
            POOLS.add(pool);
            // Each node migrates on start, as an application would; Flyway's lock lets one win.
            nodes.add(new TimerNode(JdbcStore.builder().dataSource(pool).build(), TENANT,
                    "node-" + n));
        }
        long started = System.nanoTime();
        seed(nodes, instances);
        long seeded = System.nanoTime();
        Instant now = T0.plusSeconds(3600);

        // Two sweepers and one event sender per node, all released at once.
        ExecutorService workers = Executors.newFixedThreadPool(NODES * 3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            TimerNode node = nodes.get(n);
            int nodeIndex = n;
            for (int s = 0; s < 2; s++) {
                running.add(workers.submit(() -> {
                    go.await();
                    node.sweep(now, Duration.ofMinutes(10), 25);
                    return null;
                }));
            }
            running.add(workers.submit(() -> {
                go.await();
                for (int e = 0; e < EVENTS_PER_WORKER; e++) {
                    node.applyEvent("i-" + (e % SHARED), "ev-" + nodeIndex + "-" + e, now);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> worker : running) {
            worker.get(4, TimeUnit.MINUTES);
        }
        workers.shutdown();
        System.out.printf("several nodes: %,d instances seeded in %.1f s, swept in %.1f s,"
                + " %d conflicts%n", instances, (seeded - started) / 1e9,
                (System.nanoTime() - seeded) / 1e9,
                nodes.stream().mapToInt(node -> node.conflicts.get()).sum());

        DataSource db = POOLS.get(0);
        assertThat(nodes).allSatisfy(node -> assertThat(node.fired.get()).isPositive());
        assertThat(nodes.stream().mapToInt(node -> node.fired.get()).sum())
                .isEqualTo(2 * instances);
        assertThat(StoreTables.count(db, "cskit_due_item")).isZero();
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_audit"
                + " WHERE trigger_kind = 'timer'")).isEqualTo(instances);
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM (SELECT instance_id FROM"
                + " cskit_audit WHERE trigger_kind = 'timer' GROUP BY instance_id"
                + " HAVING COUNT(*) <> 1) doubled")).isZero();
        assertThat(StoreTables.count(db, "cskit_alert")).isEqualTo(instances);
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_instance"
                + " WHERE state NOT LIKE '%\"slaFired\":1}'")).isZero();
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_outbox"
                + " WHERE status = '" + OutboxStatus.PENDING + "'")).isEqualTo(instances);

        int eventsPerShared = NODES * EVENTS_PER_WORKER / SHARED;
        for (int i = 0; i < SHARED; i++) {
            InstanceRecord shared = nodes.get(0).find("i-" + i).orElseThrow();
            assertThat(TimerNode.field(shared, "events")).as("events of i-" + i)
                    .isEqualTo(eventsPerShared);
            // Start, timer, and one entry per event: the trail has no gap and no double.
            assertThat(TimerNode.field(shared, "audit")).isEqualTo(2 + eventsPerShared);
            assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_audit"
                    + " WHERE instance_id = 'i-" + i + "'")).isEqualTo(2 + eventsPerShared);
        }
    }

    /** Starts the instances from all nodes at once, each due at its own millisecond. */
    private static void seed(List<TimerNode> nodes, int instances) throws Exception {
        ExecutorService seeders = Executors.newFixedThreadPool(NODES * 2);
        List<Future<?>> done = new ArrayList<>();
        int workers = NODES * 2;
        for (int w = 0; w < workers; w++) {
            int first = w;
            JdbcStore store = (JdbcStore) nodes.get(w % NODES).store();
            done.add(seeders.submit(() -> {
                for (int i = first; i < instances; i += workers) {
                    store.instances().commit(TimerNode.start(TENANT, "i-" + i, T0,
                            T0.plusMillis(i)));
                }
                return null;
            }));
        }
        for (Future<?> seeder : done) {
            seeder.get(4, TimeUnit.MINUTES);
        }
        seeders.shutdown();
    }
}
