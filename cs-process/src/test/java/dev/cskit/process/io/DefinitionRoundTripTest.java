package dev.cskit.process.io;

import static dev.cskit.process.io.Definitions.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Action;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Built definition to text and back gives the same definition, for JSON and YAML. The
 * generated definitions are valid (a chain of steps to an end, plus random extra
 * transitions), and their texts are full of what YAML treats specially: {@code yes},
 * {@code null}, numbers, colons, hashes, quotes, leading spaces, line breaks.
 */
class DefinitionRoundTripTest {

    private static final List<String> TEXTS = List.of("Welcome", "yes", "no", "null", "~",
            "10", "0.5", "1e3", "a: b", "#not a comment", " leading", "trailing ",
            "say \"hi\"", "it's", "ünïcødé ✓", "two\nlines", "- dash", "[x]", "{y}", "@at",
            "!tag", "&anchor", "*alias", "%", "`tick`", "|", ">", "P1D", "true", "2024-06-17");
    private static final List<String> EVENT_TYPES = List.of("feature.used", "ticket.opened",
            "seats.changed", "survey.answered", "null", "yes");
    private static final List<String> ATTRIBUTES = List.of("seats", "feature", "score", "on");
    private static final List<String> DELAYS = List.of("P1D", "P3D", "PT4H", "PT90M", "PT30S",
            "P2W", "P1M", "P1Y");
    private static final List<String> BUSINESS_DELAYS = List.of("P1D", "P5D", "PT8H", "PT45M");

    private static int between(RandomnessSource rs, int min, int max) {
        return Generate.range(min, max).generate(rs);
    }

    private static <T> T pick(RandomnessSource rs, List<T> values) {
        return Generate.pick(values).generate(rs);
    }

    private static boolean flip(RandomnessSource rs) {
        return between(rs, 0, 1) == 1;
    }

    private static Gen<ProcessDefinition> definitions() {
        Gen<ProcessDefinition> gen = rs -> {
            int count = between(rs, 2, 6);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add("s" + i + (flip(rs) ? pick(rs, List.of(".x", "-y", " z", "ü")) : ""));
            }
            ProcessDefinition.Builder builder = ProcessDefinition.builder()
                    .key(pick(rs, List.of("k", "onboarding.welcome", "yes")))
                    .version(between(rs, 1, 50))
                    .stage(pick(rs, List.of(LifecycleStage.values())))
                    .startStep(ids.get(0));
            if (flip(rs)) {
                builder.name(pick(rs, TEXTS));
            }
            if (flip(rs)) {
                builder.zone(ZoneId.of(pick(rs, List.of("Europe/Paris", "America/New_York",
                        "UTC"))));
            }
            for (int i = 0; i < count; i++) {
                builder.step(step(rs, ids, i));
            }
            return builder.build();
        };
        return gen.describedAs(ProcessDefinition::toJson);
    }

    private static Step step(RandomnessSource rs, List<String> ids, int index) {
        Step.Builder step = Step.builder().id(ids.get(index));
        if (flip(rs)) {
            step.name(pick(rs, TEXTS));
        }
        for (int a = between(rs, 0, 2); a > 0; a--) {
            step.addOnEntry(action(rs));
        }
        if (index == ids.size() - 1) {
            return step.kind(Step.Kind.END).build();
        }

        // Tasks requiring only earlier tasks, so that precedences never cycle.
        boolean checklist = flip(rs);
        int taskCount = between(rs, checklist ? 1 : 0, 3);
        List<String> taskIds = new ArrayList<>();
        for (int t = 0; t < taskCount; t++) {
            Task.Builder task = Task.builder().id("t" + t);
            if (flip(rs)) {
                task.name(pick(rs, TEXTS));
            }
            if (t > 0 && flip(rs)) {
                task.addRequires(pick(rs, taskIds));
            }
            task.required(t == 0 || flip(rs));
            taskIds.add("t" + t);
            step.addTasks(task.build());
        }
        step.kind(checklist ? Step.Kind.CHECKLIST : Step.Kind.NORMAL);

        // SLA levels, each level at most once.
        for (SlaLevel.Level level : SlaLevel.Level.values()) {
            if (flip(rs)) {
                boolean business = flip(rs);
                step.addSla(SlaLevel.builder().level(level).businessCalendar(business)
                        .after(Delay.parse(pick(rs, business ? BUSINESS_DELAYS : DELAYS)))
                        .build());
            }
        }
        for (int a = between(rs, 0, 1); a > 0; a--) {
            step.addOnExit(action(rs));
        }

        // The way on to the next step, then a few random extra ways out.
        Trigger next = checklist ? Trigger.checklistDone() : trigger(rs, taskIds);
        step.addTransitions(transition(rs, ids.get(index + 1), next));
        for (int e = between(rs, 0, 2); e > 0; e--) {
            step.addTransitions(transition(rs, pick(rs, ids), trigger(rs, taskIds)));
        }
        return step.build();
    }

    private static Transition transition(RandomnessSource rs, String target, Trigger trigger) {
        Transition.Builder transition = Transition.builder().target(target).trigger(trigger);
        for (int a = between(rs, 0, 2); a > 0; a--) {
            transition.addActions(action(rs));
        }
        return transition.build();
    }

    private static Trigger trigger(RandomnessSource rs, List<String> taskIds) {
        int kind = between(rs, 0, taskIds.isEmpty() ? 1 : 2);
        if (kind == 1) {
            boolean business = flip(rs);
            return Trigger.builder().kind(Trigger.Kind.TIMER).businessCalendar(business)
                    .after(Delay.parse(pick(rs, business ? BUSINESS_DELAYS : DELAYS))).build();
        }
        if (kind == 2) {
            return Trigger.onTask(pick(rs, taskIds));
        }
        Trigger.Builder event = Trigger.builder().kind(Trigger.Kind.EVENT)
                .eventType(pick(rs, EVENT_TYPES));
        if (flip(rs)) {
            String attribute = pick(rs, ATTRIBUTES);
            event.addAttributes(attribute);
            event.addConditions(condition(rs, attribute));
        }
        return event.build();
    }

    private static Condition condition(RandomnessSource rs, String attribute) {
        switch (between(rs, 0, 5)) {
            case 0:
                return Condition.is(attribute, pick(rs, TEXTS));
            case 1:
                return Condition.isNot(attribute, pick(rs, TEXTS));
            case 2:
                return Condition.oneOf(attribute, pick(rs, TEXTS), pick(rs, TEXTS));
            case 3:
                return Condition.present(attribute);
            case 4:
                return Condition.atLeast(attribute, pick(rs, List.of("10", "0.5", "-3")));
            default:
                return Condition.atMost(attribute, pick(rs, List.of("100", "2.25", "0")));
        }
    }

    private static Action action(RandomnessSource rs) {
        switch (between(rs, 0, 4)) {
            case 0:
                return Action.email(pick(rs, TEXTS));
            case 1:
                return Action.csmTask(pick(rs, TEXTS));
            case 2:
                return Action.of(Action.WEBHOOK, Map.of("url", "https://example.com/hook?a=1",
                        "note", pick(rs, TEXTS)));
            case 3:
                return Action.changeStage(pick(rs, List.of(LifecycleStage.values())));
            default:
                return Action.startProcess(pick(rs, List.of("support", "yes", "10")));
        }
    }

    @Test
    void generatedDefinitions_areValid() {
        qt().withExamples(100).forAll(definitions())
                .checkAssert(definition -> assertThat(
                        Definitions.READER.readJson(definition.toJson())).isNotNull());
    }

    @Test
    void json_writeThenRead_givesTheOriginal() {
        qt().withExamples(150).forAll(definitions())
                .checkAssert(definition -> assertThat(
                        READER.readJson(DefinitionWriter.toJson(definition)))
                        .isEqualTo(definition));
    }

    @Test
    void yaml_writeThenRead_givesTheOriginal() {
        qt().withExamples(150).forAll(definitions())
                .checkAssert(definition -> assertThat(
                        READER.readYaml(DefinitionWriter.toYaml(definition)))
                        .isEqualTo(definition));
    }
}
