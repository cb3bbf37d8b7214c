package dev.cskit.process.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random valid definitions of the shapes BPMN draws, from the builder, exported and imported
 * again, come back equivalent.
 */
class BpmnRoundTripPropertyTest {

    private static final List<String> EVENTS = List.of("meeting.held", "seats.changed",
            "survey.answered");
    private static final List<String> ATTRIBUTES = List.of("plan", "seats", "ok", "a.b");
    private static final List<String> VALUES = List.of("pro", "it's", "a\\b", "x y", "",
            "\"q\"", "ünï");

    @Test
    void exportThenImport_givesAnEquivalentValidDefinition() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            ProcessDefinition definition = DefinitionValidator.forActionTypes(Set.of())
                    .validate(definition(new Random(seed)));

            ProcessDefinition back = BpmnImport.forStage(definition.stage())
                    .version(definition.version()).read(BpmnExport.write(definition));

            assertThat(Equivalence.canonical(back)).isEqualTo(
                    Equivalence.canonical(definition));
        });
    }

    static ProcessDefinition definition(Random random) {
        int count = 1 + random.nextInt(6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("s" + i);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String next = i + 1 < count ? ids.get(i + 1) : "done";
            List<String> targets = new ArrayList<>(ids);
            targets.add("done");
            steps.add(random.nextBoolean() ? taskStep(random, ids.get(i), next, targets)
                    : waitStep(random, ids.get(i), next, targets));
        }
        steps.add(random.nextBoolean() ? Step.end("done")
                : Step.builder().id("done").name("All done").kind(Step.Kind.END).build());
        return ProcessDefinition.builder().key("p" + random.nextInt(100)).version(
                1 + random.nextInt(3)).name(random.nextBoolean() ? "Random process" : "p")
                .stage(LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)])
                .startStep(ids.get(0)).addAllSteps(steps).build();
    }

    private static Step taskStep(Random random, String id, String next, List<String> targets) {
        String name = random.nextBoolean() ? id : "Task " + id;
        Step.Builder step = Step.normal(id).name(name).task(id, name);
        if (random.nextBoolean()) {
            step.onTask(id, next);
        } else {
            decided(random, step, id + ".completed", next, targets, true);
        }
        int boundaries = random.nextInt(3);
        for (int k = 0; k < boundaries; k++) {
            if (random.nextBoolean()) {
                step.addTransitions(Transition.to(pick(random, targets),
                        Trigger.after(delay(random))));
            } else {
                decided(random, step, pick(random, EVENTS), pick(random, targets), targets,
                        false);
            }
        }
        return step.build();
    }

    private static Step waitStep(Random random, String id, String next, List<String> targets) {
        Step.Builder step = Step.normal(id);
        if (random.nextBoolean()) {
            step.name("Wait in " + id);
        }
        if (random.nextBoolean()) {
            step.addTransitions(Transition.to(next, Trigger.after(delay(random))));
        } else {
            decided(random, step, pick(random, EVENTS), next, targets, false);
        }
        int more = random.nextInt(3);
        for (int k = 0; k < more; k++) {
            if (random.nextBoolean()) {
                step.addTransitions(Transition.to(pick(random, targets),
                        Trigger.after(delay(random))));
            } else {
                decided(random, step, pick(random, EVENTS), pick(random, targets), targets,
                        false);
            }
        }
        return step.build();
    }

    /**
     * Adds transitions on one event type: some with conditions, and perhaps a last one
     * without. A type the step already uses, with conditions only, gets one more conditioned
     * transition, interleaved with the others; one that has an unconditioned transition gets
     * none, since nothing may follow it.
     */
    private static void decided(Random random, Step.Builder step, String type, String first,
            List<String> targets, boolean needsCondition) {
        List<Transition> same = step.build().transitions().stream()
                .filter(t -> t.trigger().eventType().orElse("").equals(type)).toList();
        if (!same.isEmpty()) {
            if (same.stream().allMatch(t -> !t.trigger().conditions().isEmpty())) {
                step.addTransitions(Transition.to(first, event(type, conditions(random))));
            }
            return;
        }
        int conditioned = (needsCondition ? 1 : 0) + random.nextInt(3);
        for (int k = 0; k < conditioned; k++) {
            step.addTransitions(Transition.to(k == 0 ? first : pick(random, targets),
                    event(type, conditions(random))));
        }
        if (conditioned == 0 || random.nextBoolean()) {
            step.addTransitions(Transition.to(conditioned == 0 ? first : pick(random, targets),
                    Trigger.onEvent(type)));
        }
    }

    private static Trigger event(String type, List<Condition> conditions) {
        Set<String> attributes = new LinkedHashSet<>();
        conditions.forEach(c -> attributes.add(c.attribute()));
        return Trigger.builder().kind(Trigger.Kind.EVENT).eventType(type)
                .addAllAttributes(attributes).addAllConditions(conditions).build();
    }

    private static List<Condition> conditions(Random random) {
        List<Condition> conditions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String attribute = pick(random, ATTRIBUTES);
            switch (random.nextInt(6)) {
                case 0:
                    conditions.add(Condition.is(attribute, pick(random, VALUES)));
                    break;
                case 1:
                    conditions.add(Condition.isNot(attribute, pick(random, VALUES)));
                    break;
                case 2:
                    conditions.add(Condition.oneOf(attribute, pick(random, VALUES),
                            pick(random, VALUES)));
                    break;
                case 3:
                    conditions.add(Condition.present(attribute));
                    break;
                case 4:
                    conditions.add(Condition.atLeast(attribute,
                            String.valueOf(random.nextInt(200) - 100)));
                    break;
                default:
                    conditions.add(Condition.atMost(attribute, random.nextInt(100) + "."
                            + random.nextInt(10)));
            }
        }
        return conditions;
    }

    private static Delay delay(Random random) {
        int amount = 1 + random.nextInt(90);
        switch (random.nextInt(4)) {
            case 0:
                return Delay.parse("PT" + amount + "M");
            case 1:
                return Delay.ofHours(amount);
            case 2:
                return Delay.ofDays(amount);
            default:
                return Delay.parse("P" + amount + "W");
        }
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
