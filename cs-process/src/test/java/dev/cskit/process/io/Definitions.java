package dev.cskit.process.io;

import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Action;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.time.ZoneId;
import java.util.Set;

/** Definitions shared by the io tests. */
final class Definitions {

    static final Set<String> ACTION_TYPES = Set.of(Action.EMAIL, Action.CSM_TASK,
            Action.WEBHOOK, Action.CHANGE_STAGE, Action.START_PROCESS);
    static final DefinitionReader READER =
            DefinitionReader.of(DefinitionValidator.forActionTypes(ACTION_TYPES));

    private Definitions() {
    }

    /** A small welcome process: a checklist, an event with a condition, a timer, an end. */
    static ProcessDefinition welcome() {
        return ProcessDefinition.builder()
                .key("onboarding.welcome").version(2).name("Welcome")
                .stage(LifecycleStage.ONBOARDING).startStep("kickoff")
                .zone(ZoneId.of("Europe/Paris"))
                .step(Step.checklist("kickoff").name("Kickoff meeting")
                        .task("invite", "Invite sent")
                        .task("meeting", "Meeting held", "invite")
                        .sla(SlaLevel.Level.WARN, "P2D")
                        .addSla(SlaLevel.business(SlaLevel.Level.BREACH, Delay.parse("PT16H")))
                        .addOnEntry(Action.email("welcome"))
                        .whenChecklistDone("first-use", Action.csmTask("Follow up")))
                .step(Step.normal("first-use").name("First use")
                        .addTransitions(Transition.to("done", Trigger.builder()
                                .kind(Trigger.Kind.EVENT).eventType("feature.used")
                                .addAttributes("feature")
                                .addConditions(Condition.oneOf("feature", "import", "report"))
                                .build(), Action.changeStage(LifecycleStage.ACTIVE)))
                        .after("P7D", "reminder", Action.email("nudge")))
                .step(Step.normal("reminder").name("Reminder sent")
                        .onEvent("feature.used", "done",
                                Action.changeStage(LifecycleStage.ACTIVE)))
                .step(Step.end("done"))
                .build();
    }
}
