package dev.cskit.process;

import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InstanceRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it heard, for assertions. Thread-safe. */
public final class RecordingListener implements ProcessListener {

    /** Transitions heard, as {@code instance:from->to}. */
    public final List<String> transitions = new CopyOnWriteArrayList<>();
    /** Alerts heard. */
    public final List<Alert> alerts = new CopyOnWriteArrayList<>();
    /** Ids of completed instances heard. */
    public final List<String> completed = new CopyOnWriteArrayList<>();
    /** Cancelled instances heard. */
    public final List<InstanceRecord> cancelled = new CopyOnWriteArrayList<>();

    @Override
    public void onTransition(InstanceRecord instance, AuditEntry entry) {
        transitions.add(instance.id() + ":" + entry.fromStep().orElse("") + "->"
                + entry.toStep());
    }

    @Override
    public void onAlert(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void onCompleted(InstanceRecord instance) {
        completed.add(instance.id());
    }

    @Override
    public void onCancelled(InstanceRecord instance) {
        cancelled.add(instance);
    }
}
