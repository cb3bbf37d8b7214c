package dev.cskit.process.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Action;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.io.DefinitionReader;
import dev.cskit.process.io.DefinitionWriter;
import dev.cskit.process.io.MermaidDiagram;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlaybooksTest {

    private static final DefinitionValidator VALIDATOR =
            DefinitionValidator.forActionTypes(Playbooks.ACTION_TYPES);

    @Test
    void all_areTheNinePlaybooksInLifecycleOrder() {
        assertThat(Playbooks.all()).extracting(ProcessDefinition::key)
                .containsExactly("registration", "welcome", "training", "quick-wins",
                        "advanced-training", "growth", "recommendations", "support",
                        "offboarding");
        assertThat(Playbooks.all()).extracting(ProcessDefinition::stage).containsExactly(
                LifecycleStage.ONBOARDING, LifecycleStage.ONBOARDING,
                LifecycleStage.ONBOARDING, LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE,
                LifecycleStage.ACTIVE, LifecycleStage.ACTIVE, LifecycleStage.ACTIVE,
                LifecycleStage.OFFBOARDING);
        assertThat(List.of(Playbooks.registration(), Playbooks.welcome(),
                Playbooks.training(), Playbooks.quickWins(), Playbooks.advancedTraining(),
                Playbooks.growth(), Playbooks.recommendations(), Playbooks.support(),
                Playbooks.offboarding())).isEqualTo(Playbooks.all());
    }

    @Test
    void all_passTheValidatorWithOnlyThePlaybookActionTypes() {
        for (ProcessDefinition playbook : Playbooks.all()) {
            assertThat(VALIDATOR.problems(playbook)).as(playbook.key()).isEmpty();
        }
        Set<String> used = Playbooks.all().stream().flatMap(p -> p.steps().stream())
                .flatMap(PlaybooksTest::actionsOf).map(Action::type)
                .collect(Collectors.toSet());
        assertThat(used).isEqualTo(Playbooks.ACTION_TYPES);
    }

    @Test
    void all_roundTripThroughJsonAndYaml() {
        DefinitionReader reader = DefinitionReader.of(VALIDATOR);
        for (ProcessDefinition playbook : Playbooks.all()) {
            assertThat(reader.readJson(DefinitionWriter.toJson(playbook))).isEqualTo(playbook);
            assertThat(reader.readYaml(DefinitionWriter.toYaml(playbook))).isEqualTo(playbook);
            assertThat(MermaidDiagram.of(playbook)).contains("flowchart TD");
        }
    }

    @Test
    void onboarding_chainsEachPlaybookToTheNextAndEndsActive() {
        assertThat(startedBy(Playbooks.registration())).containsExactly("welcome");
        assertThat(startedBy(Playbooks.welcome())).containsOnly("training");
        assertThat(startedBy(Playbooks.training())).containsExactly("quick-wins");
        assertThat(stagesSetBy(Playbooks.quickWins())).containsExactly("ACTIVE");
        assertThat(stagesSetBy(Playbooks.offboarding()))
                .containsOnly("OFFBOARDING", "ACTIVE", "CHURNED");
    }

    @Test
    void offboarding_endsInChurnedOrWonBack() {
        Map<String, List<String>> endings = Playbooks.offboarding().steps().stream()
                .flatMap(s -> s.transitions().stream())
                .filter(t -> Playbooks.offboarding().step(t.target()).orElseThrow().isEnd())
                .collect(Collectors.groupingBy(Transition::target, Collectors.flatMapping(
                        t -> t.actions().stream().map(a -> a.parameters().get("stage")),
                        Collectors.toList())));

        assertThat(endings.keySet()).containsExactlyInAnyOrder("churned", "won-back");
        assertThat(endings.get("churned")).containsOnly("CHURNED");
        assertThat(endings.get("won-back")).containsOnly("ACTIVE");
    }

    @Test
    void byKey_unknown_isRefusedNamingTheKnownKeys() {
        assertThatThrownBy(() -> Playbooks.byKey("upsell"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("upsell").hasMessageContaining("registration");
    }

    private static List<String> startedBy(ProcessDefinition playbook) {
        return actions(playbook, Action.START_PROCESS, "process");
    }

    private static List<String> stagesSetBy(ProcessDefinition playbook) {
        return actions(playbook, Action.CHANGE_STAGE, "stage");
    }

    private static List<String> actions(ProcessDefinition playbook, String type,
            String parameter) {
        return playbook.steps().stream().flatMap(PlaybooksTest::actionsOf)
                .filter(a -> a.type().equals(type)).map(a -> a.parameters().get(parameter))
                .collect(Collectors.toList());
    }

    private static Stream<Action> actionsOf(Step step) {
        return Stream.concat(
                Stream.concat(step.onEntry().stream(), step.onExit().stream()),
                step.transitions().stream().flatMap(t -> t.actions().stream()));
    }
}
