package dev.cskit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.process.Action;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process runner in a JVM of its own ({@link RunnerNode}) is killed with SIGKILL in the
 * middle of a sweep of {@link FollowUp} instances that are all overdue; a runner in a new JVM
 * takes over the due items and actions the dead one held once their leases end. No
 * transition is lost or done twice, and every outbox action is delivered at least once,
 * always with its stable id; the only repeats are of actions the dead node held.
 */
@ExtendWith(PostgresDatabase.class)
final class PostgresCrashTest {

    private static final TenantId TENANT = TenantId.of("crash");
    private static final int INSTANCES = 400;
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static String schema;
    private static HikariDataSource pool;
    private final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void createSchema() {
        schema = PostgresDatabase.freshSchema();
        pool = PostgresDatabase.pool(schema, 4);
    }

    @AfterAll
    static void dropSchema() {
        if (pool != null) {
            pool.close();
            PostgresDatabase.dropSchema(schema);
        }
    }

    /** Leaves no node running when an assertion stopped the test early. */
    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void tick_killedRunnerResumedByNewJvmAfterTheLease_nothingLostOrDoubled(@TempDir Path dir)
            throws Exception {
        ProcessRunner starter = startOverdueInstances();
        StoreTables.execute(pool, "CREATE TABLE " + RunnerNode.DELIVERIES + " (action_id"
                + " VARCHAR(200) NOT NULL, node VARCHAR(50) NOT NULL, attempt INT NOT NULL)");

        Process first = node("node-a", dir, 20);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Not a multiple of the claim batch (10 items, three per instance): the kill lands
        // inside a batch, most likely while the handler pauses after recording a delivery.
        while (timersFired() < INSTANCES / 4 + 5 && System.nanoTime() < deadline) {
            assertThat(first.isAlive()).as("node-a runs until it is killed; output: %s",
                    output(dir, "node-a")).isTrue();
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        long firedAtKill = timersFired();
        long actionsHeld = StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_outbox"
                + " WHERE claimed_by = 'node-a' AND status = 'PENDING'");
        long itemsHeld = StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_due_item"
                + " WHERE claimed_by = 'node-a'");
        assertThat(firedAtKill).isBetween((long) INSTANCES / 4, (long) INSTANCES - 1);
        assertThat(actionsHeld + itemsHeld).as("claims the dead node still held").isPositive();

        long restarted = System.nanoTime();
        Process second = node("node-b", dir, 0);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("node-b output: " + output(dir, "node-b"))
                .isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(
                Duration.ofSeconds(90));

        long repeats = StoreTables.number(pool, "SELECT COUNT(*) FROM "
                + RunnerNode.DELIVERIES) - INSTANCES;
        System.out.printf("crash: killed after %d of %d timers, holding %d due items and %d"
                + " actions; the new JVM finished in %.1f s with %d repeated deliveries%n",
                firedAtKill, INSTANCES, itemsHeld, actionsHeld,
                (System.nanoTime() - restarted) / 1e9, repeats);
        assertTransitionsOnce();
        assertDeliveredAtLeastOnce(actionsHeld);
        for (int i = 0; i < INSTANCES; i++) {
            assertThat(starter.replay(TENANT, "i-" + i)).as("i-" + i + " replayed")
                    .isEqualTo(starter.instance(TENANT, "i-" + i).orElseThrow());
        }
    }

    /** Every instance: start, warn, breach and timer, each once, in one sweep commit. */
    private static void assertTransitionsOnce() {
        Map<String, Long> four = new HashMap<>();
        Map<String, Long> once = new HashMap<>();
        for (int i = 0; i < INSTANCES; i++) {
            four.put("i-" + i, 4L);
            once.put("i-" + i, 1L);
        }
        assertThat(StoreTables.numbersBy(pool, "SELECT instance_id, COUNT(*) FROM cskit_audit"
                + " GROUP BY instance_id HAVING MIN(seq) = 1 AND MAX(seq) = COUNT(*)"))
                .isEqualTo(four);
        assertThat(StoreTables.numbersBy(pool, "SELECT instance_id, COUNT(*) FROM cskit_audit"
                + " WHERE trigger_kind = 'timer' AND seq = 4 GROUP BY instance_id"))
                .isEqualTo(once);
        assertThat(StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_instance"
                + " WHERE step = 'nudged' AND status = 'RUNNING' AND version = 2"))
                .as("started, then moved by exactly one commit").isEqualTo(INSTANCES);
        assertThat(StoreTables.count(pool, "cskit_due_item")).isZero();
        assertThat(StoreTables.numbersBy(pool, "SELECT id, COUNT(*) FROM cskit_alert"
                + " WHERE cleared_at IS NOT NULL GROUP BY id")).isEqualTo(IntStream
                .range(0, INSTANCES).boxed().flatMap(i -> Set.of("i-" + i + ":1:warn",
                        "i-" + i + ":1:breach").stream())
                .collect(Collectors.toMap(id -> id, id -> 1L)));
    }

    /**
     * Every action delivered under its stable id (the timer's entry, sequence 4, action 0), at
     * least once; a repeat only of an action the dead node had claimed and not marked.
     */
    private static void assertDeliveredAtLeastOnce(long actionsHeld) {
        Set<String> expected = IntStream.range(0, INSTANCES).mapToObj(i -> "i-" + i + ":4:0")
                .collect(Collectors.toSet());
        Map<String, Long> deliveries = StoreTables.numbersBy(pool, "SELECT action_id,"
                + " COUNT(*) FROM " + RunnerNode.DELIVERIES + " GROUP BY action_id");
        assertThat(deliveries.keySet()).isEqualTo(expected);
        long repeats = deliveries.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(repeats).isLessThanOrEqualTo(actionsHeld);
        assertThat(StoreTables.number(pool, "SELECT COUNT(*) FROM " + RunnerNode.DELIVERIES
                + " d WHERE d.node = 'node-a' AND (SELECT COUNT(*) FROM "
                + RunnerNode.DELIVERIES + " r WHERE r.action_id = d.action_id) > 1"))
                .as("repeated deliveries first made by the dead node").isEqualTo(repeats);
        assertThat(StoreTables.numbersBy(pool, "SELECT id, COUNT(*) FROM cskit_outbox"
                + " WHERE status = 'DELIVERED' AND action_type = '" + Action.EMAIL + "'"
                + " GROUP BY id").keySet()).isEqualTo(expected);
        assertThat(StoreTables.count(pool, "cskit_outbox")).isEqualTo(INSTANCES);
        assertThat(StoreTables.number(pool, "SELECT COUNT(*) FROM " + RunnerNode.DELIVERIES
                + " WHERE node NOT IN ('node-a', 'node-b')")).isZero();
    }

    /**
     * Registers the process and starts the instances on a clock 90 minutes back, so that
     * every level and timer is due on the nodes' system clock.
     *
     * @return the runner that started them, which sweeps nothing
     */
    private static ProcessRunner startOverdueInstances() {
        JdbcStore store = JdbcStore.builder().dataSource(pool).build();
        MutableClock past = MutableClock.at(Instant.now().minus(Duration.ofMinutes(90)));
        ProcessRunner starter = ProcessRunner.builder().store(store).clock(past)
                .tenants(Set.of(TENANT)).handler(Action.EMAIL, request -> {
                    throw new AssertionError("the starter sweeps nothing: " + request.id());
                })
                .handler(Action.CSM_TASK, request -> {
                    throw new AssertionError("no message is sent: " + request.id());
                })
                .build();
        starter.register(TENANT, FollowUp.definition());
        for (int i = 0; i < INSTANCES; i++) {
            starter.start(TENANT, CustomerId.of("c-" + i), FollowUp.KEY, 1, "i-" + i, "test");
        }
        return starter;
    }

    private static long timersFired() {
        return StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_audit"
                + " WHERE trigger_kind = 'timer'");
    }

    private Process node(String name, Path dir, long pauseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), RunnerNode.class.getName(),
                PostgresDatabase.url(schema), TENANT.value(), name,
                Long.toString(LEASE.toMillis()), Long.toString(pauseMillis));
        File output = dir.resolve(name + ".out").toFile();
        Process node = builder.redirectErrorStream(true).redirectOutput(output).start();
        nodes.add(node);
        return node;
    }

    private static String output(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"));
    }
}
