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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the run saw happen, kept as the KPIs need it: each new customer's signup, first
 * product use and end of onboarding (time to value), which onboarding playbooks each started
 * (the funnel), and counters. It listens to the process runner, tells the
 * {@link PlaybookAgent} about every move and the simulation about every finished onboarding.
 * Used by the single simulation thread only.
 */
final class Journal implements ProcessListener {

    /** The funnel's first step. */
    static final String SIGNED_UP = "Signed up";
    /** The funnel's last step. */
    static final String ONBOARDED = "Onboarded";

    private final Map<CustomerId, Instant> signUps = new HashMap<>();
    private final Map<CustomerId, Instant> firstValue = new HashMap<>();
    private final Map<CustomerId, Instant> onboarded = new HashMap<>();
    private final List<FunnelProgress> progress = new ArrayList<>();
    private final Map<String, Long> counters = new TreeMap<>();
    private final Map<String, String> funnelSteps = new LinkedHashMap<>();
    private final String onboardedBy;
    private Consumer<InstanceRecord> onMove = instance -> { };
    private Consumer<InstanceRecord> onOnboarded = instance -> { };

    /**
     * Creates a journal.
     *
     * @param plan the playbooks and which of them make up onboarding
     */
    Journal(PlaybookPlan plan) {
        for (String key : plan.onboarding()) {
            funnelSteps.put(key, plan.name(key));
        }
        this.onboardedBy = plan.onboarded();
    }

    void onMove(Consumer<InstanceRecord> listener) {
        this.onMove = listener;
    }

    void onOnboarded(Consumer<InstanceRecord> listener) {
        this.onOnboarded = listener;
    }

    /** @return the funnel's steps, in order */
    List<String> funnel() {
        List<String> steps = new ArrayList<>();
        steps.add(SIGNED_UP);
        steps.addAll(funnelSteps.values());
        steps.add(ONBOARDED);
        return steps;
    }

    void signedUp(CustomerId customer, Instant at) {
        if (signUps.putIfAbsent(customer, at) == null) {
            progress.add(new FunnelProgress(customer, SIGNED_UP, at));
        }
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
        String label = funnelSteps.get(instance.definitionKey());
        if (label != null && entry.fromStep().isEmpty()
                && signUps.containsKey(instance.customerId())) {
            progress.add(new FunnelProgress(instance.customerId(), label, entry.at()));
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
        if (instance.definitionKey().equals(onboardedBy)) {
            if (signUps.containsKey(instance.customerId())
                    && onboarded.putIfAbsent(instance.customerId(), instance.updatedAt()) == null) {
                progress.add(new FunnelProgress(instance.customerId(), ONBOARDED,
                        instance.updatedAt()));
            }
            onOnboarded.accept(instance);
        }
    }

    @Override
    public void onCancelled(InstanceRecord instance) {
        count("playbooksCancelled");
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
