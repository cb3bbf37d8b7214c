package dev.cskit.process.internal;

import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.DueItem;
import dev.cskit.core.store.InstanceCommit;
import dev.cskit.core.store.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one decision concluded: whether anything changed and, if so, the next state and all
 * that the commit writes with it.
 *
 * @param outcome what happened
 * @param expectedVersion the version the decision was made on; 0 for a start
 * @param next the state after; the state before when nothing changed ({@code null} then for
 *     a start that was refused, which never happens)
 * @param audit the new audit entries, in sequence order; empty when nothing changed
 * @param raise alerts raised (an alert raised and cleared in one decision comes cleared)
 * @param clear ids of alerts of earlier decisions cleared now
 * @param outbox actions to hand to their handlers after the commit
 */
public record Decision(Outcome outcome, long expectedVersion, InstanceState next,
        List<AuditEntry> audit, List<Alert> raise, List<String> clear,
        List<OutboxEntry> outbox) {

    /** What a decision found. */
    public enum Outcome {
        /** The instance changed: a commit is needed. */
        CHANGED,
        /** The input concerns nothing the instance waits for; nothing changed. */
        NO_MATCH,
        /** The instance already applied this event; nothing changed. */
        DUPLICATE,
        /** The task was already done; nothing changed. */
        ALREADY_DONE,
        /** The instance is not running; nothing changed. */
        NOT_RUNNING
    }

    /** Copies the lists. */
    public Decision {
        audit = List.copyOf(audit);
        raise = List.copyOf(raise);
        clear = List.copyOf(clear);
        outbox = List.copyOf(outbox);
    }

    /** @return whether there is something to commit */
    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }

    /** @return the commit that writes this decision */
    public InstanceCommit commit() {
        List<DueItem> due = new ArrayList<>();
        for (Map.Entry<String, Instant> item : next.progress().due().entrySet()) {
            due.add(DueItem.builder().tenant(next.record().tenant())
                    .instanceId(next.record().id()).key(item.getKey())
                    .kind(item.getKey().startsWith("sla:") ? "sla" : "timer")
                    .dueAt(item.getValue()).build());
        }
        return InstanceCommit.builder().instance(next.record()).expectedVersion(expectedVersion)
                .addAllAudit(audit).addAllDueItems(due).addAllRaise(raise).addAllClear(clear)
                .addAllOutbox(outbox).build();
    }
}
