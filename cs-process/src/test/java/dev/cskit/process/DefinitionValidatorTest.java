package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.LifecycleStage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    private static final DefinitionValidator VALIDATOR = DefinitionValidator.forActionTypes(
            Set.of(Action.EMAIL, Action.CSM_TASK, Action.CHANGE_STAGE));

    @Test
    void validate_goodDefinition_hasNoProblem() {
        assertThat(VALIDATOR.problems(DefinitionModelTest.registration())).isEmpty();
    }

    @Test
    void validate_everyKindOfProblem_reportsAllWithPaths() {
        ProcessDefinition broken = ProcessDefinition.builder()
                .key("broken").version(3).stage(LifecycleStage.ACTIVE).startStep("a")
                .step(Step.checklist("a")
                        .addTasks(Task.of("x", "X", "z"), Task.of("y", "Y", "x"),
                                Task.of("z", "Z", "y"), Task.of("x", "again"))
                        .sla(SlaLevel.Level.WARN, "PT0S")
                        .sla(SlaLevel.Level.WARN, "P1D")
                        .addOnEntry(Action.webhook("https://example.org/hook"))
                        .whenChecklistDone("nowhere")
                        .onTask("missing", "b")
                        .after("-PT1H", "b"))
                .step(Step.normal("b")
                        .addTransitions(Transition.to("c", Trigger.builder()
                                .kind(Trigger.Kind.EVENT).eventType("seats.changed")
                                .addAttributes("seats")
                                .addConditions(Condition.atLeast("seats", "10"),
                                        Condition.is("plan", "pro")).build()))
                        .whenChecklistDone("c"))
                .step(Step.normal("c"))
                .step(Step.end("a"))
                .step(Step.normal("island").onEvent("x", "c"))
                .build();

        List<String> problems = VALIDATOR.problems(broken).stream()
                .map(DefinitionInvalidException.Problem::path).collect(Collectors.toList());

        assertThat(problems).containsExactlyInAnyOrder(
                "steps[3].id",
                "steps[0].tasks[3].id",
                "steps[0].tasks[0].requires",
                "steps[0].sla[0].after",
                "steps[0].sla[1].level",
                "steps[0].onEntry[0].type",
                "steps[0].transitions[0].target",
                "steps[0].transitions[1].trigger.task",
                "steps[0].transitions[2].trigger.after",
                "steps[1].transitions[0].trigger.conditions[1].attribute",
                "steps[1].transitions[1].trigger.kind",
                "steps[2].transitions",
                "steps[4]");
    }

    @Test
    void validate_cycleProblem_namesTheCycle() {
        ProcessDefinition cyclic = ProcessDefinition.builder()
                .key("cyclic").version(1).stage(LifecycleStage.ONBOARDING).startStep("a")
                .step(Step.checklist("a").addTasks(Task.of("p", "P", "q"), Task.of("q", "Q", "p"))
                        .whenChecklistDone("end"))
                .step(Step.end("end"))
                .build();

        assertThatThrownBy(() -> VALIDATOR.validate(cyclic))
                .isInstanceOf(DefinitionInvalidException.class)
                .hasMessageContaining("steps[0].tasks[0].requires = 'p -> q -> p'")
                .satisfies(e -> assertThat(((DefinitionInvalidException) e).problems())
                        .hasSize(1));
    }

    @Test
    void validate_unknownStartStep_isReported() {
        ProcessDefinition definition = ProcessDefinition.builder()
                .key("k").version(1).stage(LifecycleStage.ONBOARDING).startStep("nope")
                .step(Step.end("end"))
                .build();

        assertThat(VALIDATOR.problems(definition))
                .extracting(DefinitionInvalidException.Problem::path)
                .containsExactly("startStep");
    }
}
