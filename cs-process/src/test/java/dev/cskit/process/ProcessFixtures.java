package dev.cskit.process;

import dev.cskit.core.LifecycleStage;
import java.time.Instant;

/**
 * Definitions shared by the runner's tests and by store tests that drive the runner (for
 * instance several runners on one database). Each is valid for the runner's default handler
 * types plus {@link Action#EMAIL} and {@link Action#CSM_TASK}.
 */
public final class ProcessFixtures {

    /** An instant on a Monday, far from daylight-saving changes: 2024-06-03T09:00:00Z. */
    public static final Instant MONDAY = Instant.parse("2024-06-03T09:00:00Z");

    private ProcessFixtures() {
    }

    /**
     * A four-step onboarding: a registration checklist (contract, then account and licences;
     * training optional), a kickoff step waiting for {@code meeting.held} with outcome
     * {@code ok} (a reminder timer after P3D loops to a reminder step), adoption waiting for
     * {@code feature.used} with SLA warn P2D, breach P5D, escalate P10D, and the end, which
     * moves the customer to ACTIVE.
     *
     * @param version the version number to give it
     * @return the definition
     */
    public static ProcessDefinition onboarding(int version) {
        return ProcessDefinition.builder()
                .key("onboarding").version(version).name("Onboarding")
                .stage(LifecycleStage.ONBOARDING).startStep("registration")
                .step(Step.checklist("registration")
                        .task("contract", "Contract signed")
                        .task("account", "Account configured", "contract")
                        .task("licences", "Licences delivered", "contract")
                        .addTasks(Task.builder().id("training").required(false).build())
                        .sla(SlaLevel.Level.WARN, "P1D")
                        .addOnEntry(Action.email("registration"))
                        .whenChecklistDone("kickoff", Action.csmTask("Plan the kickoff")))
                .step(Step.normal("kickoff")
                        .addTransitions(Transition.to("adoption", Trigger.builder()
                                .kind(Trigger.Kind.EVENT).eventType("meeting.held")
                                .addAttributes("outcome")
                                .addConditions(Condition.is("outcome", "ok")).build()))
                        .after("P3D", "reminder", Action.email("kickoff-reminder")))
                .step(Step.normal("reminder")
                        .onEvent("meeting.held", "adoption")
                        .after("P7D", "reminder"))
                .step(Step.normal("adoption")
                        .onEvent("feature.used", "done")
                        .sla(SlaLevel.Level.WARN, "P2D")
                        .sla(SlaLevel.Level.BREACH, "P5D")
                        .sla(SlaLevel.Level.ESCALATE, "P10D"))
                .step(Builder.endWith("done", Action.changeStage(LifecycleStage.ACTIVE)))
                .build();
    }

    /**
     * A two-step process: {@code waiting} moves to {@code end} on event {@code go}; a timer
     * after {@code timer} moves it too; SLA warn after {@code warn}.
     *
     * @param timer the timer delay
     * @param warn the warn delay
     * @return the definition
     */
    public static ProcessDefinition waiting(String timer, String warn) {
        return ProcessDefinition.builder()
                .key("waiting").version(1).stage(LifecycleStage.ACTIVE).startStep("waiting")
                .step(Step.normal("waiting").onEvent("go", "end").after(timer, "end")
                        .sla(SlaLevel.Level.WARN, warn))
                .step(Step.end("end"))
                .build();
    }

    private static final class Builder {
        static Step endWith(String id, Action action) {
            return Step.builder().id(id).kind(Step.Kind.END).addOnEntry(action).build();
        }
    }
}
