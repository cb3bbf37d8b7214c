package dev.cskit.benchmarks.process;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full lifecycles per second on the in-memory store: start an instance, then move it through
 * four steps (event, task, event, event) to its end, with the audit trail, SLA due items and
 * alerts' bookkeeping as in production. Each iteration starts from an empty store, one new
 * customer per lifecycle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class LifecycleBenchmark {

    private static final TenantId TENANT = TenantId.DEFAULT;

    private MutableClock clock;
    private ProcessRunner runner;
    private long counter;

    /** A process of start plus four steps to the end. */
    static ProcessDefinition fourSteps() {
        return ProcessDefinition.builder().key("lifecycle").version(1)
                .stage(LifecycleStage.ONBOARDING).startStep("signup")
                .step(Step.normal("signup").onEvent("account.created", "setup")
                        .sla(SlaLevel.Level.WARN, "P1D"))
                .step(Step.normal("setup").task("configure", "Configure")
                        .onTask("configure", "kickoff").sla(SlaLevel.Level.WARN, "P2D"))
                .step(Step.normal("kickoff").onEvent("meeting.held", "adoption")
                        .after("P7D", "adoption"))
                .step(Step.normal("adoption").onEvent("feature.used", "done")
                        .sla(SlaLevel.Level.WARN, "P14D"))
                .step(Step.end("done"))
                .build();
    }

    /** Starts each iteration on an empty store. */
    @Setup(Level.Iteration)
    public void setUp() {
        clock = MutableClock.at(Instant.parse("2024-06-03T09:00:00Z"));
        runner = ProcessRunner.builder().store(new InMemoryStore()).clock(clock).build();
        runner.register(fourSteps());
    }

    private CustomerEvent event(CustomerId customer, String id, String type) {
        return CustomerEvent.builder().id(id).type(type).customerId(customer)
                .occurredAt(clock.instant()).build();
    }

    /**
     * One lifecycle.
     *
     * @return the completed instance
     */
    @Benchmark
    public InstanceRecord lifecycle() {
        long n = counter++;
        CustomerId customer = CustomerId.of("c" + n);
        InstanceRecord instance = runner.start(customer, "lifecycle");
        clock.advance(Duration.ofMinutes(1));
        runner.deliver(event(customer, n + "-a", "account.created"));
        runner.completeTask(TENANT, instance.id(), "configure", "csm");
        runner.deliver(event(customer, n + "-b", "meeting.held"));
        runner.deliver(event(customer, n + "-c", "feature.used"));
        return runner.instance(TENANT, instance.id()).orElseThrow();
    }
}
