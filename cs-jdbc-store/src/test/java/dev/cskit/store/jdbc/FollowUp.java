package dev.cskit.store.jdbc;

import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Action;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;

/**
 * The process the several-node and crash tests run on the real runner: a customer is waited
 * on in step {@code quiet}; after an hour of silence a timer moves them to {@code nudged} and
 * sends the {@code nudge} email; the SLA of {@code quiet} warns after 20 minutes and breaches
 * after 40. A {@code message} from the customer restarts the silence (a self-transition into
 * {@code quiet}, which schedules the timer and levels afresh); in {@code nudged} each message
 * asks the CSM for an answer. A {@code closed} event ends it.
 *
 * <p>A tick past all due times therefore writes, for an instance in its first stay, the warn
 * alert, the breach alert and the timer transition, in that order (audit sequences 2, 3 and
 * 4), and one email whose outbox id is {@code <instance>:4:0}.
 */
final class FollowUp {

    static final String KEY = "follow-up";
    static final String MESSAGE = "message";

    private FollowUp() {
    }

    static ProcessDefinition definition() {
        return ProcessDefinition.builder()
                .key(KEY).version(1).name("Follow-up").stage(LifecycleStage.ACTIVE)
                .startStep("quiet")
                .step(Step.normal("quiet")
                        .onEvent(MESSAGE, "quiet")
                        .after("PT1H", "nudged", Action.email("nudge"))
                        .sla(SlaLevel.Level.WARN, "PT20M")
                        .sla(SlaLevel.Level.BREACH, "PT40M"))
                .step(Step.normal("nudged")
                        .onEvent(MESSAGE, "nudged", Action.csmTask("Answer the customer"))
                        .onEvent("closed", "closed"))
                .step(Step.end("closed"))
                .build();
    }
}
