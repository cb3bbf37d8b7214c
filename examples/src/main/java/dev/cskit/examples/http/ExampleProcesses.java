package dev.cskit.examples.http;

import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Action;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;

/**
 * The process the example service starts for each new customer when run from
 * {@link HttpServiceMain}: a short onboarding.
 *
 * <pre>
 * setup (checklist: contract, then account)  --all done-->  adoption
 * adoption  --feature.used-->  done (customer becomes ACTIVE)
 *           SLA: warn after P7D, escalate after P14D
 * </pre>
 */
public final class ExampleProcesses {

    /** The key of {@link #onboarding()}. */
    public static final String ONBOARDING = "http-onboarding";

    private ExampleProcesses() {
    }

    /** @return the onboarding definition, version 1 */
    public static ProcessDefinition onboarding() {
        return ProcessDefinition.builder()
                .key(ONBOARDING).version(1).name("Onboarding")
                .stage(LifecycleStage.ONBOARDING).startStep("setup")
                .step(Step.checklist("setup")
                        .task("contract", "Contract signed")
                        .task("account", "Account configured", "contract")
                        .whenChecklistDone("adoption"))
                .step(Step.normal("adoption")
                        .onEvent("feature.used", "done")
                        .sla(SlaLevel.Level.WARN, "P7D")
                        .sla(SlaLevel.Level.ESCALATE, "P14D"))
                .step(Step.builder().id("done").kind(Step.Kind.END)
                        .addOnEntry(Action.changeStage(LifecycleStage.ACTIVE)).build())
                .build();
    }
}
