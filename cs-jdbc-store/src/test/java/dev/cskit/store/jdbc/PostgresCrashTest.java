package dev.cskit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.TenantId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in its own JVM is killed with SIGKILL in the middle of a run; a node in a new JVM
 * takes over the work the dead one held once its leases end. No transition is lost or done
 * twice, and every outbox action is delivered at least once, always with its stable id.
 */
@ExtendWith(PostgresDatabase.class)
final class PostgresCrashTest {

    private static final TenantId TENANT = TenantId.of("crash");
    private static final int INSTANCES = 400;
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static String schema;
    private static HikariDataSource pool;

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

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killedNode_newJvmResumesAfterTheLease_nothingLostOrDoubled(@TempDir Path dir)
            throws Exception {
        JdbcStore store = JdbcStore.builder().dataSource(pool).build();
        Instant due = Instant.now().minusSeconds(60);
        for (int i = 0; i < INSTANCES; i++) {
            store.instances().commit(TimerNode.start(TENANT, "i-" + i, due.minusSeconds(60),
                    due));
        }
        Path log = dir.resolve("delivered.log");

        Process first = node("node-a", log, dir, 5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Not a multiple of the claim batch (10): the kill lands inside a batch.
        while (timersFired() < INSTANCES / 4 + 5 && System.nanoTime() < deadline) {
            assertThat(first.isAlive()).as("node-a runs until it is killed").isTrue();
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        long firedAtKill = timersFired();
        long heldAtKill = StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_due_item"
                + " WHERE claimed_by = 'node-a'") + StoreTables.number(pool, "SELECT COUNT(*)"
                + " FROM cskit_outbox WHERE claimed_by = 'node-a'");
        assertThat(firedAtKill).isBetween((long) INSTANCES / 4, (long) INSTANCES - 1);
        assertThat(heldAtKill).as("claims the dead node still held").isPositive();

        long restarted = System.nanoTime();
        Process second = node("node-b", log, dir, 0);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("node-b output: " + output(dir, "node-b"))
                .isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(
                Duration.ofSeconds(90));

        // Every transition once: one timer entry per instance, the SLA handled once.
        assertThat(timersFired()).isEqualTo(INSTANCES);
        assertThat(StoreTables.number(pool, "SELECT COUNT(*) FROM (SELECT instance_id FROM"
                + " cskit_audit WHERE trigger_kind = 'timer' GROUP BY instance_id"
                + " HAVING COUNT(*) <> 1) doubled")).isZero();
        assertThat(StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_instance"
                + " WHERE state LIKE '%\"slaFired\":1}' AND step = 'reminded'"))
                .isEqualTo(INSTANCES);
        assertThat(StoreTables.count(pool, "cskit_alert")).isEqualTo(INSTANCES);
        assertThat(StoreTables.count(pool, "cskit_due_item")).isZero();

        // Every action at least once, with its stable id; a repeat only for what node-a held.
        List<String> delivered = Files.readAllLines(log);
        Set<String> expected = IntStream.range(0, INSTANCES)
                .mapToObj(i -> "i-" + i + ":" + TimerNode.TIMER).collect(Collectors.toSet());
        assertThat(new HashSet<>(delivered)).isEqualTo(expected);
        assertThat(delivered.size() - expected.size()).isLessThanOrEqualTo((int) heldAtKill);
        assertThat(StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_outbox"
                + " WHERE status = 'DELIVERED'")).isEqualTo(INSTANCES);
    }

    private static long timersFired() {
        return StoreTables.number(pool, "SELECT COUNT(*) FROM cskit_audit"
                + " WHERE trigger_kind = 'timer'");
    }

    private static Process node(String name, Path log, Path dir, long pauseMillis)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), CrashNode.class.getName(),
                PostgresDatabase.url(schema), TENANT.value(), name, log.toString(),
                Long.toString(LEASE.toMillis()), Long.toString(pauseMillis));
        File output = dir.resolve(name + ".out").toFile();
        return builder.redirectErrorStream(true).redirectOutput(output).start();
    }

    private static String output(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"));
    }
}
