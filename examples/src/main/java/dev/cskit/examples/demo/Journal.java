package dev.cskit.examples.demo;

import dev.cskit.core.CustomerId;
import dev.cskit.core.store.Alert;
import dev.cskit.core.store.AuditEntry;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.kpi.FunnelProgress;
import dev.cskit.process.ProcessListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the run saw happen, kept as the KPIs need it: each new customer's signup, first
 * product use and onboarding completion (time to value), the onboarding steps each reached
 * (the funnel), and counters. It listens to the process runner and tells the
 * {@link PlaybookAgent} about every move. Used by the single simulation thread only.
 */
final class Journal implements ProcessListener {

    /** The funnel's first step. */
    static final String SIGNED_UP = "Signed up";

    private final Map<CustomerId, Instant> signUps = new HashMap<>();
    private final Map<CustomerId, Instant> firstValue = new HashMap<>();
    private final Map<CustomerId, Instant> onboarded = new HashMap<>();
    private final List<FunnelProgress> progress = new ArrayList<>();
    private final Map<String, Long> counters = new TreeMap<>();
    private final Map<String, String> funnelSteps;
    private final String onboarding;
    private Consumer<InstanceRecord> onMove = instance -> { };

    /**
     * Creates a journal.
     *
     * @param onboarding the key of the onboarding playbook
     * @param funnelSteps the funnel's labels by step id of the onboarding playbook
     */
    Journal(String onboarding, Map<String, String> funnelSteps) {
        this.onboarding = onboarding;
        this.funnelSteps = Map.copyOf(funnelSteps);
    }

    void onMove(Consumer<InstanceRecord> listener) {
        this.onMove = listener;
    }

    void signedUp(CustomerId customer, Instant at) {
        signUps.putIfAbsent(customer, at);
        progress.add(new FunnelProgress(customer, SIGNED_UP, at));
    }

    void used(CustomerId customer, Instant at) {
        if (signUps.containsKey(customer)) {
            firstValue.putIfAbsent(customer, at);
        }
    }

    void count(String counter) {
        counters.merge(counter, 1L, Long::sum);
    }

    @Override
    public void onTransition(InstanceRecord instance, AuditEntry entry) {
        count("transitions");
        if (instance.definitionKey().equals(onboarding)
                && signUps.containsKey(instance.customerId())) {
            String label = funnelSteps.get(entry.toStep());
            if (label != null) {
                progress.add(new FunnelProgress(instance.customerId(), label, entry.at()));
            }
        }
        onMove.accept(instance);
    }

    @Override
    public void onAlert(Alert alert) {
        count("alerts");
    }

    @Override
    public void onCompleted(InstanceRecord instance) {
        count("completed");
        if (instance.definitionKey().equals(onboarding)
                && signUps.containsKey(instance.customerId())) {
            onboarded.putIfAbsent(instance.customerId(), instance.updatedAt());
        }
    }

    Map<CustomerId, Instant> signUps() {
        return signUps;
    }

    Map<CustomerId, Instant> firstValue() {
        return firstValue;
    }

    Map<CustomerId, Instant> onboarded() {
        return onboarded;
    }

    List<FunnelProgress> progress() {
        return progress;
    }

    Map<String, Long> counters() {
        return counters;
    }
}
