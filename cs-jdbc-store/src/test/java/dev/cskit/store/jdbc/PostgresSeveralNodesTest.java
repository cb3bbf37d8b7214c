package dev.cskit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.EventStatus;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.process.Action;
import dev.cskit.process.ActionHandler;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.Sweep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three process runners, each over its own store on its own connection pool, on one
 * PostgreSQL schema. The {@link FollowUp} process is registered once; instances are started
 * from all three; the clock moves past every due time and the three runners sweep at once,
 * two threads each, while a sender per runner delivers customer messages to 40 shared
 * instances (some messages delivered by two runners). A message in {@code quiet} restarts
 * the wait, so the clock moves on once more and the runners sweep again.
 *
 * <p>Afterwards, read from the database: every instance took its timer transition exactly
 * once, raised the warn and breach alerts of the stay the timer ended exactly once, and sits
 * in {@code nudged}; every message moved its instance exactly once; every audit trail runs
 * 1, 2, 3, ... without a gap and has exactly the expected length; every outbox action was
 * delivered, exactly once here since no node failed, with the id the outbox holds.
 *
 * <p>2,000 instances in the default build, to keep it fast;
 * {@code -Dcskit.scale.instances=10000} runs the full size.
 */
@Tag("scale")
@ExtendWith(PostgresDatabase.class)
final class PostgresSeveralNodesTest {

    private static final TenantId TENANT = TenantId.of("scale");
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final int NODES = 3;
    private static final int SWEEPERS_PER_NODE = 2;
    private static final int SHARED = 40;
    private static final int MESSAGES_PER_NODE = 200;
    /** Every this many messages of a node, the next node delivers the same message too. */
    private static final int DUPLICATE_EVERY = 4;

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
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void tick_threeRunnersAtOnce_fireEveryTimerAndAlertOnceAndLoseNoEvent() throws Exception {
        int instances = Integer.getInteger("cskit.scale.instances", 2_000);
        MutableClock clock = MutableClock.at(T0);
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        ActionHandler recorder = request -> deliveries
                .computeIfAbsent(request.id(), id -> new AtomicInteger()).incrementAndGet();
        List<ProcessRunner> runners = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            HikariDataSource pool = PostgresDatabase.pool(schema, 4);
            POOLS.add(pool);
            // Each node migrates on start, as an application would; Flyway's lock lets one win.
            JdbcStore store = JdbcStore.builder().dataSource(pool).build();
            runners.add(ProcessRunner.builder().store(store).clock(clock).node("node-" + n)
                    .lease(Duration.ofMinutes(10)).batchSize(50).tenants(Set.of(TENANT))
                    .handler(Action.EMAIL, recorder).handler(Action.CSM_TASK, recorder)
                    .build());
        }
        // Registered once; the other runners read it from the database.
        runners.get(0).register(TENANT, FollowUp.definition());

        long started = System.nanoTime();
        start(runners, instances);
        long seeded = System.nanoTime();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicLong[] transitions = new AtomicLong[NODES];
        for (int n = 0; n < NODES; n++) {
            transitions[n] = new AtomicLong();
        }

        // Past every due time of the first stay: sweep while the messages arrive.
        clock.set(T0.plus(Duration.ofHours(2)));
        Map<String, String> messages = new HashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(NODES * (SWEEPERS_PER_NODE + 1));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            ProcessRunner runner = runners.get(n);
            AtomicLong fired = transitions[n];
            for (int s = 0; s < SWEEPERS_PER_NODE; s++) {
                running.add(workers.submit(() -> sweepUntilNothingDue(runner, clock, go, fired,
                        failures)));
            }
            List<CustomerEvent> sends = messagesOf(n, clock.instant());
            sends.forEach(event -> messages.put(event.id(), instanceOf(event)));
            running.add(workers.submit(() -> {
                go.await();
                for (CustomerEvent event : sends) {
                    try {
                        runner.deliver(event);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> worker : running) {
            worker.get(10, TimeUnit.MINUTES);
        }
        long swept = System.nanoTime();

        // Past every due time of the stays the messages restarted: sweep again, all at once.
        clock.set(T0.plus(Duration.ofHours(4)));
        CountDownLatch again = new CountDownLatch(1);
        running.clear();
        for (int n = 0; n < NODES; n++) {
            ProcessRunner runner = runners.get(n);
            AtomicLong fired = transitions[n];
            running.add(workers.submit(() -> sweepUntilNothingDue(runner, clock, again, fired,
                    failures)));
        }
        again.countDown();
        for (Future<?> worker : running) {
            worker.get(10, TimeUnit.MINUTES);
        }
        workers.shutdown();
        System.out.printf("several nodes: %,d instances started in %.1f s, swept with %d"
                + " messages in %.1f s, swept again in %.1f s; transitions by node %s%n",
                instances, (seeded - started) / 1e9, messages.size(), (swept - seeded) / 1e9,
                (System.nanoTime() - swept) / 1e9, List.of(transitions));

        System.out.printf("several nodes: of %d shared instances, %d took a message before"
                + " their timer%n", SHARED, StoreTables.number(POOLS.get(0), "SELECT COUNT(*)"
                + " FROM cskit_audit WHERE trigger_kind = 'timer' AND seq > 4"));
        assertThat(failures).isEmpty();
        assertThat(transitions).allSatisfy(fired -> assertThat(fired.get()).isPositive());
        assertThat(Stream.of(transitions).mapToLong(AtomicLong::get).sum())
                .as("timer transitions the sweeps reported").isEqualTo(instances);
        assertDatabase(POOLS.get(0), instances, messages);
        assertDeliveries(POOLS.get(0), instances, deliveries);
        for (int i = 0; i < SHARED; i++) {
            InstanceRecord stored = runners.get(1).instance(TENANT, "i-" + i).orElseThrow();
            assertThat(runners.get(2).replay(TENANT, "i-" + i)).as("i-" + i + " replayed")
                    .isEqualTo(stored);
        }
    }

    /** Checks instances, audit trails, alerts, due items and events from SQL. */
    private static void assertDatabase(DataSource db, int instances,
            Map<String, String> messages) {
        Map<String, Long> messagesPerInstance = messages.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> trailLength = new HashMap<>();
        Map<String, Long> once = new HashMap<>();
        for (int i = 0; i < instances; i++) {
            String id = "i-" + i;
            // Start, warn, breach, timer, and one entry per message.
            trailLength.put(id, 4 + messagesPerInstance.getOrDefault(id, 0L));
            once.put(id, 1L);
        }
        assertThat(messagesPerInstance).hasSize(SHARED);

        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_instance"
                + " WHERE step = 'nudged' AND status = 'RUNNING'")).isEqualTo(instances);
        assertThat(StoreTables.count(db, "cskit_due_item")).isZero();
        assertThat(StoreTables.numbersBy(db, "SELECT instance_id, COUNT(*) FROM cskit_audit"
                + " GROUP BY instance_id")).isEqualTo(trailLength);
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM (SELECT instance_id FROM"
                + " cskit_audit GROUP BY instance_id"
                + " HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)) gaps")).isZero();
        assertThat(StoreTables.numbersBy(db, "SELECT instance_id, COUNT(*) FROM cskit_audit"
                + " WHERE trigger_kind = 'timer' GROUP BY instance_id")).isEqualTo(once);

        // Two alerts per instance, of the stay the timer ended, each raised once and cleared.
        assertThat(StoreTables.count(db, "cskit_alert")).isEqualTo(2L * instances);
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_audit"
                + " WHERE trigger_kind = 'alert'")).isEqualTo(2L * instances);
        assertThat(StoreTables.numbersBy(db, "SELECT instance_id, COUNT(*) FROM cskit_alert"
                + " WHERE alert_level IN ('warn', 'breach') AND cleared_at IS NOT NULL"
                + " GROUP BY instance_id HAVING COUNT(DISTINCT alert_level) = 2"))
                .hasSize(instances).containsOnlyKeys(once.keySet())
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_alert a WHERE a.id <>"
                + " a.instance_id || ':' || (SELECT MAX(e.seq) FROM cskit_audit e"
                + " WHERE e.tenant = a.tenant AND e.instance_id = a.instance_id"
                + " AND e.to_step = 'quiet'"
                + " AND e.trigger_kind IN ('start', 'event')) || ':' || a.alert_level"))
                .as("alerts not of the last stay in quiet").isZero();

        // Every message applied, once, to its own instance.
        assertThat(StoreTables.numbersBy(db, "SELECT id, COUNT(*) FROM cskit_event"
                + " WHERE status = '" + EventStatus.APPLIED + "' GROUP BY id"))
                .containsOnlyKeys(messages.keySet());
        assertThat(StoreTables.count(db, "cskit_event")).isEqualTo(messages.size());
        Map<String, Long> applied = messages.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey() + "@" + e.getValue(), e -> 1L));
        assertThat(StoreTables.numbersBy(db, "SELECT trigger_ref || '@' || instance_id,"
                + " COUNT(*) FROM cskit_audit WHERE trigger_kind = 'event'"
                + " GROUP BY trigger_ref, instance_id")).isEqualTo(applied);
    }

    /**
     * Checks that the handler got every outbox action exactly once under its id: one nudge per
     * instance, one CSM task per message that reached a nudged instance.
     */
    private static void assertDeliveries(DataSource db, int instances,
            Map<String, AtomicInteger> deliveries) {
        Map<String, Long> outbox = StoreTables.numbersBy(db, "SELECT id, attempts"
                + " FROM cskit_outbox WHERE status = 'DELIVERED'");
        assertThat(StoreTables.count(db, "cskit_outbox")).isEqualTo(outbox.size());
        assertThat(deliveries.keySet()).isEqualTo(outbox.keySet());
        assertThat(deliveries).allSatisfy((id, times) -> assertThat(times.get())
                .as("deliveries of " + id).isEqualTo(1));
        assertThat(outbox).allSatisfy((id, attempts) -> assertThat(attempts).isEqualTo(1));
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_outbox"
                + " WHERE action_type = '" + Action.EMAIL + "'")).isEqualTo(instances);
        assertThat(StoreTables.number(db, "SELECT COUNT(*) FROM cskit_outbox"
                + " WHERE action_type = '" + Action.CSM_TASK + "'")).isEqualTo(
                StoreTables.number(db, "SELECT COUNT(*) FROM cskit_audit"
                        + " WHERE trigger_kind = 'event' AND from_step = 'nudged'"));
        Set<String> nudges = IntStream.range(0, instances).mapToObj(i -> "i-" + i)
                .collect(Collectors.toSet());
        assertThat(StoreTables.numbersBy(db, "SELECT o.instance_id, COUNT(*) FROM cskit_outbox o"
                + " JOIN cskit_audit e ON e.tenant = o.tenant AND e.instance_id = o.instance_id"
                + " AND o.id = e.instance_id || ':' || e.seq || ':0'"
                + " WHERE o.action_type = '" + Action.EMAIL + "' AND e.trigger_kind = 'timer'"
                + " GROUP BY o.instance_id").keySet())
                .as("each nudge under the id of its timer transition").isEqualTo(nudges);
    }

    /** Ticks at the clock's instant until a tick finds nothing left to claim. */
    private static Void sweepUntilNothingDue(ProcessRunner runner, MutableClock clock,
            CountDownLatch go, AtomicLong transitions, List<Throwable> failures)
            throws InterruptedException {
        go.await();
        try {
            Sweep sweep;
            do {
                sweep = runner.tick(clock.instant());
                transitions.addAndGet(sweep.transitions());
            } while (sweep.claimed() > 0);
        } catch (RuntimeException e) {
            failures.add(e);
        }
        return null;
    }

    /** Starts the instances from every runner at once, two threads each. */
    private static void start(List<ProcessRunner> runners, int instances) throws Exception {
        int workers = NODES * 2;
        ExecutorService starters = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int first = w;
            ProcessRunner runner = runners.get(w % NODES);
            done.add(starters.submit(() -> {
                for (int i = first; i < instances; i += workers) {
                    runner.start(TENANT, CustomerId.of("c-" + i), FollowUp.KEY, 1, "i-" + i,
                            "seed");
                }
                return null;
            }));
        }
        for (Future<?> starter : done) {
            starter.get(10, TimeUnit.MINUTES);
        }
        starters.shutdown();
    }

    /**
     * The messages a node's sender delivers, in order: its own, {@code m-<node>-<k>} to shared
     * instance {@code k % SHARED}, and every {@value #DUPLICATE_EVERY}th message of the
     * previous node again, delivered at about the moment that node delivers it.
     */
    private static List<CustomerEvent> messagesOf(int node, Instant at) {
        List<CustomerEvent> sends = new ArrayList<>();
        int previous = (node + NODES - 1) % NODES;
        for (int k = 0; k < MESSAGES_PER_NODE; k++) {
            sends.add(message(node, k, at));
            if (k % DUPLICATE_EVERY == 0) {
                sends.add(message(previous, k, at));
            }
        }
        return sends;
    }

    private static CustomerEvent message(int node, int k, Instant at) {
        return CustomerEvent.builder().tenant(TENANT).id("m-" + node + "-" + k)
                .type(FollowUp.MESSAGE).customerId(CustomerId.of("c-" + k % SHARED))
                .occurredAt(at).build();
    }

    private static String instanceOf(CustomerEvent event) {
        return "i-" + event.customerId().value().substring("c-".length());
    }
}
