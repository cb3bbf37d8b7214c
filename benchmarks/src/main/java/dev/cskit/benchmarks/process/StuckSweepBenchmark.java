package dev.cskit.benchmarks.process;

import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.ProcessRunner;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Sweep;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stuck sweep: {@code waiting} instances sit in a step whose SLA warn level falls due one
 * day after entry; their starts are spread so that each minute of the following day has
 * {@code due} of them falling due. Each invocation moves the clock one minute and sweeps, so
 * it finds exactly {@code due} items among all the waiting ones, raises their alerts and
 * commits. One invocation per iteration (single shot): the figure is the time of one sweep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class StuckSweepBenchmark {

    private static final Instant T0 = Instant.parse("2024-06-03T09:00:00Z");

    /** How many instances wait. */
    @Param("1000000")
    public int waiting;

    /** How many fall due per sweep. */
    @Param("1000")
    public int due;

    private MutableClock clock;
    private ProcessRunner runner;
    private Instant sweepAt;

    /** Fills the store: {@code waiting} instances, {@code due} per minute of entry. */
    @Setup(Level.Trial)
    public void setUp() {
        clock = MutableClock.at(T0);
        runner = ProcessRunner.builder().store(new InMemoryStore()).clock(clock)
                .batchSize(due).build();
        runner.register(ProcessDefinition.builder().key("waiting").version(1)
                .stage(LifecycleStage.ACTIVE).startStep("wait")
                .step(Step.normal("wait").onEvent("never", "end")
                        .sla(SlaLevel.Level.WARN, "P1D"))
                .step(Step.end("end"))
                .build());
        for (int i = 0; i < waiting; i++) {
            if (i > 0 && i % due == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
            runner.start(CustomerId.of("c" + i), "waiting");
        }
        sweepAt = T0.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(1));
    }

    /**
     * One sweep finding {@code due} items.
     *
     * @return what it did
     */
    @Benchmark
    public Sweep sweep() {
        sweepAt = sweepAt.plus(Duration.ofMinutes(1));
        Sweep sweep = runner.tick(sweepAt);
        if (sweep.alerts() != due) {
            throw new IllegalStateException("expected " + due + " alerts, the sweep raised "
                    + sweep.alerts());
        }
        return sweep;
    }
}
