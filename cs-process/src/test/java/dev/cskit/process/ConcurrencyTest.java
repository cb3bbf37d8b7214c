package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.EventStatus;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many threads deliver events to the same few instances at once, each event several times:
 * every instance must take exactly one step per distinct event, its audit entries must run
 * 1, 2, 3, ... with strictly increasing instance versions, and no delivery may fail.
 */
class ConcurrencyTest {

    private static final TenantId T = TenantId.DEFAULT;
    private static final int STEPS = 12;
    private static final int CUSTOMERS = 6;
    private static final int THREADS = 8;
    private static final int COPIES = 3;

    /** Steps s0 .. s(STEPS-1), each moved on by any {@code go} event, then the end. */
    static ProcessDefinition ladder() {
        ProcessDefinition.Builder builder = ProcessDefinition.builder().key("ladder").version(1);
        builder.stage(LifecycleStage.ACTIVE).startStep("s0");
        for (int i = 0; i < STEPS; i++) {
            builder.step(Step.normal("s" + i).onEvent("go", i + 1 < STEPS ? "s" + (i + 1)
                    : "end"));
        }
        return builder.step(Step.end("end")).build();
    }

    @Test
    void deliver_manyThreadsSameInstances_noLostOrDoubledTransitions() throws Exception {
        InMemoryStore store = new InMemoryStore();
        MutableClock clock = MutableClock.at(ProcessFixtures.MONDAY);
        RecordingListener listener = new RecordingListener();
        ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock)
                .listener(listener).build();
        runner.register(ladder());
        List<String> instances = new ArrayList<>();
        List<CustomerEvent> deliveries = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            CustomerId customer = CustomerId.of("c" + c);
            instances.add(runner.start(customer, "ladder").id());
            for (int e = 0; e < STEPS; e++) {
                CustomerEvent event = CustomerEvent.builder().id("c" + c + "-e" + e).type("go")
                        .customerId(customer).occurredAt(clock.instant()).build();
                for (int copy = 0; copy < COPIES; copy++) {
                    deliveries.add(event);
                }
            }
        }
        Collections.shuffle(deliveries, new Random(42));

        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int slice = t;
            pool.submit(() -> {
                go.await();
                for (int i = slice; i < deliveries.size(); i += THREADS) {
                    try {
                        runner.deliver(deliveries.get(i));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        for (String id : instances) {
            InstanceRecord instance = runner.instance(T, id).orElseThrow();
            List<AuditEntry> audit = store.instances().audit(T, id);
            assertThat(instance.status()).isEqualTo(InstanceStatus.COMPLETED);
            assertThat(audit).extracting(AuditEntry::sequence).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, STEPS + 1).boxed()
                            .collect(Collectors.toList()));
            List<Long> versions = audit.stream()
                    .map(e -> Long.parseLong(e.detail().get("version")))
                    .collect(Collectors.toList());
            for (int i = 1; i < versions.size(); i++) {
                assertThat(versions.get(i)).isGreaterThan(versions.get(i - 1));
            }
            assertThat(audit.stream().skip(1).map(e -> e.triggerRef().orElseThrow()).distinct())
                    .hasSize(STEPS);
            assertThat(instance.version()).isEqualTo(STEPS + 1);
        }
        assertThat(listener.transitions).hasSize(CUSTOMERS * (STEPS + 1));
        assertThat(store.events().withStatus(T, EventStatus.APPLIED, 10_000))
                .hasSize(CUSTOMERS * STEPS);
        assertThat(store.events().withStatus(T, EventStatus.RECEIVED, 10_000)).isEmpty();
    }
}
