package dev.cskit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceCommit;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import dev.cskit.store.jdbc.Dialect;
import dev.cskit.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A load driver for the JDBC store: committed transitions per second with 1 and 4 client
 * threads, and the stuck sweep (due items by instant) over many waiting instances of which a
 * few are due. It runs on H2 (a file database in a temporary directory) and on PostgreSQL (a
 * schema of its own, dropped afterwards).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cskit.benchmarks.jdbc.JdbcStoreDriver \
 *     [h2|postgresql|both] [seconds per run, 5] [waiting instances, 1000000] [due, 1000]
 * </pre>
 *
 * <p>PostgreSQL is found at {@code CSKIT_POSTGRES_URL}, by default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. A transition is what a runner
 * commits for one decision: load the instance, then commit its next version with one audit
 * entry and its due items replaced. Every client thread moves instances of its own, so the
 * figure is throughput without conflicts. The sweep's instances are seeded with set-based
 * SQL (the store's commit would take minutes for a million); the sweep itself goes through
 * the store: {@code due} (read only, median of repeats) and one {@code claim} of all due
 * items.
 */
public final class JdbcStoreDriver {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final TenantId SWEPT = TenantId.of("sweep");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private JdbcStoreDriver() {
    }

    /**
     * Runs the driver.
     *
     * @param args database, seconds per run, waiting instances, due instances
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int waiting = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int due = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        if (which.equals("h2") || which.equals("both")) {
            Path dir = Files.createTempDirectory("cskit-bench-h2");
            try {
                run("H2 (file)", "jdbc:h2:file:" + dir.resolve("bench"), seconds, waiting, due);
            } finally {
                delete(dir);
            }
        }
        if (which.equals("postgresql") || which.equals("both")) {
            String url = System.getenv().getOrDefault("CSKIT_POSTGRES_URL",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            String schema = "cskit_bench_" + Long.toHexString(System.nanoTime());
            execute(url, "CREATE SCHEMA " + schema);
            try {
                run("PostgreSQL", url + (url.contains("?") ? "&" : "?") + "currentSchema="
                        + schema, seconds, waiting, due);
            } finally {
                execute(url, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(String name, String url, int seconds, int waiting, int due)
            throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcStore store = JdbcStore.builder().dataSource(pool).build();
            for (int threads : new int[] {1, 4}) {
                double rate = transitions(store, threads, seconds);
                System.out.printf(Locale.ROOT, "%s: %d thread(s): %,.0f committed transitions/s%n",
                        name, threads, rate);
            }
            sweep(name, store, pool, waiting, due);
        }
    }

    /** Moves instances from step to step for a while; returns the commits per second. */
    private static double transitions(JdbcStore store, int threads, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(threads);
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + threads + "-" + t + "-";
            counts.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    ids.add(prefix + i);
                    store.instances().commit(first(prefix + i));
                }
                ready.countDown();
                ready.await();
                long done = 0;
                while (!stop.get()) {
                    String id = ids.get((int) (done % ids.size()));
                    InstanceRecord loaded = store.instances().find(TENANT, id).orElseThrow();
                    store.instances().commit(next(loaded));
                    done++;
                }
                return done;
            }));
        }
        ready.await();
        long started = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return total / elapsed;
    }

    private static InstanceCommit first(String id) {
        InstanceRecord instance = InstanceRecord.builder().tenant(TENANT).id(id)
                .customerId(CustomerId.of("c-" + id)).definitionKey("onboarding")
                .definitionVersion(1).status(InstanceStatus.RUNNING).step("s0")
                .stepEnteredAt(T0).startedAt(T0).updatedAt(T0).version(1).build();
        return InstanceCommit.builder().instance(instance).expectedVersion(0)
                .addAudit(audit(id, 1, null, "s0", T0)).addDueItems(sla(id, T0)).build();
    }

    private static InstanceCommit next(InstanceRecord loaded) {
        long version = loaded.version() + 1;
        Instant at = T0.plusSeconds(version);
        String step = "s" + (version % 10);
        InstanceRecord next = InstanceRecord.builder().copyFrom(loaded).version(version)
                .step(step).stepEnteredAt(at).updatedAt(at).build();
        return InstanceCommit.builder().instance(next).expectedVersion(loaded.version())
                .addAudit(audit(loaded.id(), version, loaded.step(), step, at))
                .addDueItems(sla(loaded.id(), at)).build();
    }

    private static AuditEntry audit(String id, long sequence, String from, String to,
            Instant at) {
        return AuditEntry.builder().tenant(TENANT).instanceId(id).sequence(sequence)
                .fromStep(Optional.ofNullable(from)).toStep(to).trigger("event")
                .at(at).actor("bench").build();
    }

    private static DueItem sla(String id, Instant enteredAt) {
        return DueItem.builder().tenant(TENANT).instanceId(id).key("sla:warn").kind("sla")
                .dueAt(enteredAt.plus(Duration.ofDays(2))).build();
    }

    /** Seeds waiting instances, a few of them due, and times the sweep. */
    private static void sweep(String name, JdbcStore store, HikariDataSource pool, int waiting,
            int due) throws SQLException {
        Instant now = T0.plus(Duration.ofDays(365));
        long seeding = System.nanoTime();
        seed(pool, store.dialect(), waiting, due, now);
        double seeded = (System.nanoTime() - seeding) / 1e9;

        long[] times = new long[21];
        int found = 0;
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            found = store.dueItems().due(SWEPT, now, due * 2).size();
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        long claiming = System.nanoTime();
        int claimed = store.dueItems().claim(SWEPT, now, due * 2, "bench", now.plusSeconds(60))
                .size();
        double claimMillis = (System.nanoTime() - claiming) / 1e6;
        System.out.printf(Locale.ROOT, "%s: stuck sweep over %,d waiting instances (seeded in"
                + " %.0f s): due() found %,d in %.1f ms (median of %d), claim() took %,d in"
                + " %.1f ms%n", name, waiting, seeded, found, times[times.length / 2] / 1e6,
                times.length, claimed, claimMillis);
    }

    private static void seed(HikariDataSource pool, Dialect dialect, int waiting, int due,
            Instant now) throws SQLException {
        String range = dialect == Dialect.H2 ? "SYSTEM_RANGE(1, ?) r" : "generate_series(1, ?)"
                + " AS r(x)";
        String concat = dialect == Dialect.H2 ? "CONCAT('w-', r.x)" : "'w-' || r.x";
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO"
                    + " cskit_instance (tenant, id, customer_id, definition_key,"
                    + " definition_version, status, step, step_entered_at, started_at,"
                    + " updated_at, version, state) SELECT ?, " + concat + ", " + concat
                    + ", 'onboarding', 1, 'RUNNING', 'setup', ?, ?, ?, 1, '{}' FROM " + range)) {
                statement.setString(1, SWEPT.value());
                for (int i = 2; i <= 4; i++) {
                    statement.setObject(i, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                }
                statement.setInt(5, waiting);
                statement.executeUpdate();
            }
            // The first `due` instances fell due in the last hours; the others fall due later.
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO"
                    + " cskit_due_item (tenant, instance_id, item_key, kind, due_at) SELECT ?, "
                    + concat + ", 'sla:warn', 'sla', CASE WHEN r.x <= ? THEN ? ELSE ? END FROM "
                    + range)) {
                statement.setString(1, SWEPT.value());
                statement.setInt(2, due);
                statement.setObject(3, OffsetDateTime.ofInstant(now.minusSeconds(3600),
                        ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(4, OffsetDateTime.ofInstant(now.plus(Duration.ofDays(30)),
                        ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setInt(5, waiting);
                statement.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect == Dialect.H2 ? "ANALYZE" : "ANALYZE cskit_due_item");
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
