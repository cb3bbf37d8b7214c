package dev.cskit.process.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.LifecycleStage;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    @Test
    void of_welcome_isTheHandWrittenFlowchart() {
        String expected = String.join("\n",
                "---",
                "title: \"Welcome (onboarding.welcome v2)\"",
                "---",
                "flowchart TD",
                "    start((start)) --> step_kickoff",
                "    step_kickoff[[\"Kickoff meeting<br/>SLA: warn P2D, breach PT16H working\"]]",
                "    step_first_use[\"First use\"]",
                "    step_reminder[\"Reminder sent\"]",
                "    step_done([\"done\"])",
                "    step_kickoff -->|\"checklist done\"| step_first_use",
                "    step_first_use -->|\"on feature.used if feature in import, report\"|"
                        + " step_done",
                "    step_first_use -->|\"after P7D\"| step_reminder",
                "    step_reminder -->|\"on feature.used\"| step_done",
                "");

        assertThat(MermaidDiagram.of(Definitions.welcome())).isEqualTo(expected);
    }

    @Test
    void of_clashingIdsQuotesAndTaskTriggers_stayDistinctAndEscaped() {
        ProcessDefinition definition = ProcessDefinition.builder()
                .key("k").version(1).name("Say \"hi\"").stage(LifecycleStage.ACTIVE)
                .startStep("a-b")
                .step(Step.normal("a-b").name("The \"first\"").task("t", "T")
                        .onTask("t", "a_b"))
                .step(Step.normal("a_b").after("PT4H", "end"))
                .step(Step.end("end"))
                .build();
        String expected = String.join("\n",
                "---",
                "title: \"Say \\\"hi\\\" (k v1)\"",
                "---",
                "flowchart TD",
                "    start((start)) --> step_a_b",
                "    step_a_b[\"The #quot;first#quot;\"]",
                "    step_a_b_2[\"a_b\"]",
                "    step_end([\"end\"])",
                "    step_a_b -->|\"task t done\"| step_a_b_2",
                "    step_a_b_2 -->|\"after PT4H\"| step_end",
                "");

        assertThat(MermaidDiagram.of(definition)).isEqualTo(expected);
    }
}
