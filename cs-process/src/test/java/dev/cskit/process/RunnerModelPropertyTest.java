package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.AlertQuery;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.InstanceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of starts, events (with repeated ids and shuffled occurrence times), task
 * completions, cancels (of running and of ended instances) and ticks, run on the real runner
 * and on a small reference model written here from the rules alone; after every operation
 * both agree on each instance's step and status, its audit count and its open alerts, and an
 * ended instance has nothing due. After the sequence, every instance's audit trail
 * replays to its stored state exactly.
 */
class RunnerModelPropertyTest {

    private static final TenantId T = TenantId.DEFAULT;
    private static final Instant T0 = ProcessFixtures.MONDAY;

    /**
     * a --go--> b (warn PT2H); b: checklist t1, t2 (requires t1) --done--> c, timer PT5H -> a;
     * c --go--> end, timer PT3H -> a (warn PT1H, breach PT2H).
     */
    static ProcessDefinition cycle() {
        return ProcessDefinition.builder().key("cycle").version(1)
                .stage(LifecycleStage.ACTIVE).startStep("a")
                .step(Step.normal("a").onEvent("go", "b").sla(SlaLevel.Level.WARN, "PT2H"))
                .step(Step.checklist("b").task("t1", "T1").task("t2", "T2", "t1")
                        .whenChecklistDone("c").after("PT5H", "a"))
                .step(Step.normal("c").onEvent("go", "end").after("PT3H", "a")
                        .sla(SlaLevel.Level.WARN, "PT1H").sla(SlaLevel.Level.BREACH, "PT2H"))
                .step(Step.end("end"))
                .build();
    }

    /** The reference model of one instance. */
    private static final class Model {
        final String customer;
        String step = "a";
        Instant entered;
        final Set<String> done = new HashSet<>();
        final Set<String> raised = new HashSet<>();
        int audit = 1;
        boolean cancelled;
        String id;

        Model(String customer, Instant at) {
            this.customer = customer;
            this.entered = at;
        }

        boolean running() {
            return !cancelled && !step.equals("end");
        }

        InstanceStatus status() {
            return cancelled ? InstanceStatus.CANCELLED
                    : running() ? InstanceStatus.RUNNING : InstanceStatus.COMPLETED;
        }

        /** A cancel stays in the step, clears its alerts and leaves nothing due. */
        void cancel() {
            cancelled = true;
            raised.clear();
            audit++;
        }

        void move(String to, Instant at) {
            step = to;
            entered = at;
            done.clear();
            raised.clear();
            audit++;
        }

        /** The SLA levels and timer of the current step: key, delay, target (null for SLA). */
        List<Object[]> pending() {
            List<Object[]> items = new ArrayList<>();
            switch (step) {
                case "a":
                    items.add(new Object[] {"sla:warn", Duration.ofHours(2), null});
                    break;
                case "b":
                    items.add(new Object[] {"timer", Duration.ofHours(5), "a"});
                    break;
                case "c":
                    items.add(new Object[] {"sla:warn", Duration.ofHours(1), null});
                    items.add(new Object[] {"sla:breach", Duration.ofHours(2), null});
                    items.add(new Object[] {"timer", Duration.ofHours(3), "a"});
                    break;
                default:
                    break;
            }
            items.removeIf(i -> raised.contains(i[0]));
            return items;
        }

        void tick(Instant now) {
            while (running()) {
                Object[] next = null;
                for (Object[] item : pending()) {
                    boolean dueNow = !entered.plus((Duration) item[1]).isAfter(now);
                    if (dueNow && (next == null
                            || ((Duration) item[1]).compareTo((Duration) next[1]) < 0)) {
                        next = item;
                    }
                }
                if (next == null) {
                    return;
                }
                if (next[2] == null) {
                    raised.add((String) next[0]);
                    audit++;
                } else {
                    move((String) next[2], now);
                }
            }
        }
    }

    private static final class World {
        final InMemoryStore store = new InMemoryStore();
        final MutableClock clock = MutableClock.at(T0);
        final ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock).build();
        final List<Model> models = new ArrayList<>();
        final Set<String> seenEvents = new HashSet<>();

        World() {
            runner.register(cycle());
        }

        void apply(int code) {
            int kind = code % 10;
            int arg = code / 10;
            if (kind <= 1) {
                String customer = "c" + arg % 3;
                Model model = new Model(customer, clock.instant());
                model.id = runner.start(CustomerId.of(customer), "cycle").id();
                models.add(model);
            } else if (kind <= 4) {
                deliver("c" + arg % 3, (arg / 3) % 4 == 3 ? "noise" : "go",
                        "e" + (arg / 12) % 15, (arg / 180) % 100);
            } else if (kind <= 6) {
                complete(arg, (arg / 7) % 2 == 0 ? "t1" : "t2");
            } else if (kind == 9 && arg % 2 == 0) {
                cancel(arg / 2);
            } else {
                clock.advance(Duration.ofMinutes(arg % 240));
                runner.tick();
                models.forEach(m -> m.tick(clock.instant()));
            }
        }

        void deliver(String customer, String type, String eventId, int minutesEarlier) {
            CustomerEvent event = CustomerEvent.builder().id(eventId).type(type)
                    .customerId(CustomerId.of(customer))
                    .occurredAt(clock.instant().minus(Duration.ofMinutes(minutesEarlier)))
                    .build();
            Delivery delivery = runner.deliver(event);
            if (!seenEvents.add(eventId)) {
                assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DUPLICATE);
                return;
            }
            boolean moved = false;
            for (Model model : models) {
                if (model.customer.equals(customer) && model.running() && type.equals("go")
                        && (model.step.equals("a") || model.step.equals("c"))) {
                    model.move(model.step.equals("a") ? "b" : "end", clock.instant());
                    moved = true;
                }
            }
            assertThat(delivery.outcome()).isEqualTo(moved ? Delivery.Outcome.APPLIED
                    : Delivery.Outcome.UNMATCHED);
        }

        void complete(int arg, String task) {
            if (models.isEmpty()) {
                return;
            }
            Model model = models.get(arg % models.size());
            boolean allowed = model.running() && model.step.equals("b")
                    && (task.equals("t1") || model.done.contains("t1"));
            try {
                runner.completeTask(T, model.id, task, "tester");
                assertThat(allowed).as("completing %s in %s", task, model.step).isTrue();
            } catch (InvalidInputException e) {
                assertThat(allowed).as("refused %s in %s", task, model.step).isFalse();
                return;
            }
            if (model.done.add(task)) {
                model.audit++;
                if (model.done.size() == 2) {
                    model.move("c", clock.instant());
                }
            }
        }

        void cancel(int arg) {
            if (models.isEmpty()) {
                return;
            }
            Model model = models.get(arg % models.size());
            boolean allowed = model.running();
            try {
                runner.cancel(T, model.id, "tester", "reason " + arg);
                assertThat(allowed).as("cancelling in %s", model.status()).isTrue();
            } catch (InstanceNotRunningException e) {
                assertThat(allowed).as("refused cancel in %s", model.status()).isFalse();
                assertThat(e.status()).isEqualTo(model.status());
                return;
            }
            model.cancel();
        }

        void check() {
            for (Model model : models) {
                InstanceRecord stored = runner.instance(T, model.id).orElseThrow();
                assertThat(stored.step()).as(model.id).isEqualTo(model.step);
                assertThat(stored.status()).isEqualTo(model.status());
                if (!model.running()) {
                    assertThat(store.dueItems().forInstance(T, model.id)).isEmpty();
                }
                assertThat(stored.stepEnteredAt()).isEqualTo(model.entered);
                assertThat(store.instances().audit(T, model.id)).hasSize(model.audit);
                assertThat(store.alerts().forInstance(T, model.id).stream()
                        .filter(a -> a.isOpen()).map(a -> a.level()))
                        .containsExactlyInAnyOrderElementsOf(model.raised.stream()
                                .map(k -> k.substring("sla:".length())).toList());
            }
            long open = models.stream().mapToLong(m -> m.raised.size()).sum();
            assertThat(runner.openAlerts(T, AlertQuery.all())).hasSize((int) open);
        }
    }

    private static Gen<List<Integer>> operations() {
        return lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 40);
    }

    @Test
    void runner_randomOperations_agreeWithTheReferenceModel() {
        qt().withExamples(100).forAll(operations()).checkAssert(codes -> {
            World world = new World();
            for (int code : codes) {
                world.apply(code);
                world.check();
            }
        });
    }

    @Test
    void replay_auditTrailOfRandomHistories_rebuildsTheStoredInstanceExactly() {
        qt().withExamples(100).forAll(operations()).checkAssert(codes -> {
            World world = new World();
            codes.forEach(world::apply);
            for (Model model : world.models) {
                assertThat(world.runner.replay(T, model.id))
                        .isEqualTo(world.runner.instance(T, model.id).orElseThrow());
            }
        });
    }
}
