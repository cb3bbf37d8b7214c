package dev.cskit.examples.demo;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InstanceRecord;
import dev.cskit.core.store.Store;
import dev.cskit.process.MutableClock;
import dev.cskit.process.ProcessRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Lives through the simulated window one day at a time: delivers each customer's happenings
 * and the playbook agent's work in time order on the {@link MutableClock}, applies
 * subscription changes to the store, and sweeps the runner's timers and SLAs at the end of
 * every day. A customer who cancels has its running playbooks other than offboarding
 * cancelled; one won back keeps them cancelled (nothing restarts them).
 *
 * <p>Single-threaded: one run, one thread, so the order of everything, and with it the
 * result, depends only on the seed.
 */
final class Simulation {

    /** The event types the simulated world sends by itself. */
    static final Set<String> WORLD_EVENTS = Set.of("feature.used", "usage.reported",
            "ticket.opened", "ticket.resolved", "survey.answered", "seats.changed",
            "plan.changed", "subscription.cancelled", "offer.accepted");

    /** A playbook to start for a customer once the current command is done. */
    private record Start(CustomerId customer, String key) {
    }

    private record Scheduled(Instant at, long order, Object what) {
    }

    private final Store store;
    private final ProcessRunner runner;
    private final MutableClock clock;
    private final PlaybookPlan plan;
    private final Journal journal;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::order));
    private final Map<CustomerId, Subscription> terms = new HashMap<>();
    private final Map<CustomerId, Subscription> lastTerms = new HashMap<>();
    private final Set<CustomerId> gone = new HashSet<>();
    private final PlaybookAgent agent;
    private long order;

    Simulation(Store store, ProcessRunner runner, MutableClock clock, PlaybookPlan plan,
            Journal journal, long seed) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
        this.plan = plan;
        this.journal = journal;
        this.agent = new PlaybookAgent(runner, plan.all(), WORLD_EVENTS, seed,
                (at, work) -> schedule(at, work), journal, this::mayAct);
        journal.onMove(agent::entered);
        journal.onOnboarded(instance -> plan.afterOnboarding().forEach(key ->
                schedule(clock.instant(), new Start(instance.customerId(), key))));
    }

    /**
     * Runs the window.
     *
     * @param subscriptions the customers' subscriptions, one per customer
     * @param happenings every customer's happenings
     * @param from the window's start
     * @param to the window's end; signups at exactly this instant still start their playbooks
     * @param onDay told the number of each day done, from 1
     */
    void run(List<Subscription> subscriptions, List<Happening> happenings, Instant from,
            Instant to, IntConsumer onDay) {
        for (Subscription subscription : subscriptions) {
            terms.put(subscription.customerId(), subscription);
        }
        for (Happening happening : happenings) {
            schedule(happening.at(), happening);
        }
        clock.set(from);
        startActivePlaybooks(subscriptions, from);

        int day = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(Duration.ofDays(1))) {
            Instant end = start.plus(Duration.ofDays(1));
            if (end.isAfter(to)) {
                end = to;
            }
            drain(end, false);
            clock.set(end);
            runner.tick(end);
            onDay.accept(++day);
        }
        drain(to, true);
        runner.tick(to);
    }

    private void drain(Instant until, boolean inclusive) {
        while (!queue.isEmpty() && (queue.peek().at().isBefore(until)
                || inclusive && queue.peek().at().equals(until))) {
            Scheduled item = queue.poll();
            if (item.at().isAfter(clock.instant())) {
                clock.set(item.at());
            }
            apply(item.what());
        }
    }

    private boolean mayAct(InstanceRecord instance) {
        return !gone.contains(instance.customerId())
                || plan.onCancel().equals(instance.definitionKey());
    }

    private void schedule(Instant at, Object what) {
        queue.add(new Scheduled(at, order++, what));
    }

    private void startActivePlaybooks(List<Subscription> subscriptions, Instant from) {
        for (Subscription subscription : subscriptions) {
            if (subscription.start().isBefore(from)) {
                for (String key : plan.onActive()) {
                    runner.start(subscription.customerId(), key);
                }
            }
        }
    }

    private void apply(Object what) {
        if (what instanceof PlaybookAgent.Work work) {
            agent.perform(work, clock.instant());
        } else if (what instanceof Start start) {
            if (!gone.contains(start.customer())) {
                runner.start(start.customer(), start.key());
            }
        } else if (what instanceof Happening.SignUp signUp) {
            journal.signedUp(signUp.customer(), signUp.at());
            for (String key : plan.onSignUp()) {
                runner.start(signUp.customer(), key);
            }
        } else if (what instanceof Happening.Event event) {
            if (event.event().type().equals("ticket.opened")) {
                runner.start(event.customer(), plan.onTicket());
            }
            runner.deliver(event.event());
            if (event.event().type().equals("feature.used")) {
                journal.used(event.customer(), event.at());
            }
            journal.count("events");
        } else if (what instanceof Happening.Survey survey) {
            store.surveys().put(survey.response());
            // The recommendations playbook reads an NPS answer as "score", support a CSAT
            // answer as "csat".
            String score = String.valueOf(survey.response().score());
            runner.deliver(CustomerEvent.builder().id(survey.response().id())
                    .type("survey.answered").customerId(survey.customer())
                    .occurredAt(survey.at())
                    .putAttributes("kind", survey.response().kind().name())
                    .putAttributes(survey.response().kind() == SurveyKind.CSAT ? "csat"
                            : "score", score)
                    .build());
            journal.count("surveys");
        } else if (what instanceof Happening.Change change) {
            change(change);
        } else if (what instanceof Happening.Cancel cancel) {
            cancel(cancel);
        } else if (what instanceof Happening.WinBack winBack) {
            winBack(winBack);
        }
    }

    private void change(Happening.Change change) {
        Subscription current = terms.get(change.customer());
        if (current == null || !current.start().isBefore(change.at())) {
            return;
        }
        int seats = Math.max(1, current.seats() + change.seatDelta());
        Money price = current.unitPrice().scale(100L + change.pricePercent(), 100L);
        Subscription next = Subscription.builder().copyFrom(current).seats(seats)
                .unitPrice(price).start(change.at()).build();
        store.subscriptions().put(Subscription.builder().copyFrom(current).end(change.at())
                .build());
        store.subscriptions().put(next);
        terms.put(change.customer(), next);
        String type = change.seatDelta() != 0 ? "seats.changed" : "plan.changed";
        runner.deliver(CustomerEvent.builder().id(next.id() + "-change-" + change.at())
                .type(type).customerId(change.customer()).occurredAt(change.at())
                .putAttributes("seats", String.valueOf(seats))
                .putAttributes("mrr", next.mrr().amountText())
                .build());
        journal.count(type);
    }

    private void cancel(Happening.Cancel cancel) {
        Subscription current = terms.remove(cancel.customer());
        if (current == null || !current.start().isBefore(cancel.at())) {
            return;
        }
        store.subscriptions().put(Subscription.builder().copyFrom(current).end(cancel.at())
                .cancellationReason(cancel.reason()).build());
        lastTerms.put(cancel.customer(), current);
        gone.add(cancel.customer());
        runner.start(cancel.customer(), plan.onCancel());
        runner.deliver(CustomerEvent.builder().id(current.id() + "-cancel-" + cancel.at())
                .type("subscription.cancelled").customerId(cancel.customer())
                .occurredAt(cancel.at()).putAttributes("reason", cancel.reason()).build());
        cancelPlaybooks(cancel);
        moveIfStill(cancel.customer(), LifecycleStage.CHURNED, "cancelled: " + cancel.reason());
        journal.count("cancellations");
    }

    /**
     * Cancels the customer's running playbooks other than offboarding: onboarding, support
     * and growth have nobody left to serve, and would otherwise sit raising alerts.
     */
    private void cancelPlaybooks(Happening.Cancel cancel) {
        for (InstanceRecord instance : store.instances().runningForCustomer(TenantId.DEFAULT,
                cancel.customer())) {
            if (!plan.onCancel().equals(instance.definitionKey())) {
                runner.cancel(TenantId.DEFAULT, instance.id(), "simulation",
                        "subscription cancelled: " + cancel.reason());
            }
        }
    }

    private void winBack(Happening.WinBack winBack) {
        Subscription last = lastTerms.remove(winBack.customer());
        if (last == null) {
            return;
        }
        Subscription back = Subscription.builder().copyFrom(last).start(winBack.at())
                .end(Optional.empty()).cancellationReason(Optional.empty())
                .build();
        store.subscriptions().put(back);
        terms.put(winBack.customer(), back);
        gone.remove(winBack.customer());
        runner.deliver(CustomerEvent.builder().id(back.id() + "-back-" + winBack.at())
                .type("offer.accepted").customerId(winBack.customer())
                .occurredAt(winBack.at()).build());
        moveIfStill(winBack.customer(), LifecycleStage.ACTIVE, "won back");
        journal.count("winBacks");
    }

    /**
     * Moves the customer to a stage unless a playbook already did, or has yet to: the
     * lifecycle follows the subscription even where no playbook changes the stage.
     */
    private void moveIfStill(CustomerId id, LifecycleStage to, String reason) {
        Customer customer = store.customers().find(TenantId.DEFAULT, id).orElseThrow();
        if (customer.stage() == to) {
            return;
        }
        if (to == LifecycleStage.CHURNED && customer.stage() == LifecycleStage.OFFBOARDING) {
            return;
        }
        if (customer.stage().canMoveTo(to)) {
            store.customers().put(customer.moveTo(to, clock.instant(), reason));
        }
    }
}
