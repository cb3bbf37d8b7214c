package dev.cskit.examples.adapters.stripe;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure decision of how a subscription snapshot at an instant changes a subscription's
 * terms. No I/O.
 *
 * <p>Rules, with {@code latest} the term that starts last:
 * <ul>
 *   <li>No term yet: one term from the snapshot's start, ending where the snapshot ended.</li>
 *   <li>Seats, price, plan or interval differ from {@code latest}, and the change falls
 *       before both the latest term's end and the snapshot's end: {@code latest} ends at the
 *       change and a new term starts there (a change at or before {@code latest}'s start
 *       rewrites {@code latest} in place).</li>
 *   <li>Otherwise, when the snapshot has ended, {@code latest} ends there, with the
 *       cancellation reason; a change reported after the end is not applied.</li>
 * </ul>
 */
final class TermChanges {

    private TermChanges() {
    }

    /**
     * Returns the terms to write (new or replaced), in start order.
     *
     * @param history the subscription's terms, ordered by start
     * @param snapshot the subscription as the event reports it
     * @param at the event's instant
     * @param deleted whether the event deletes the subscription (it ends at {@code at} unless
     *     the snapshot says when)
     */
    static List<Subscription> decide(List<Subscription> history, SubscriptionSnapshot snapshot,
            Instant at, boolean deleted, TenantId tenant, CustomerId customer) {
        Optional<Instant> end = snapshot.endedAt()
                .or(() -> deleted ? Optional.of(at) : Optional.empty());
        if (history.isEmpty()) {
            checkEnd(end, snapshot.start());
            return List.of(snapshot.term(tenant, customer, snapshot.start(), end));
        }

        Subscription latest = history.get(history.size() - 1);
        boolean running = latest.end().map(at::isBefore).orElse(true)
                && end.map(at::isBefore).orElse(true);
        List<Subscription> writes = new ArrayList<>();
        Subscription current;
        if (!snapshot.sameTermsAs(latest) && running) {
            if (at.isAfter(latest.start())) {
                writes.add(Subscription.builder().copyFrom(latest).end(at)
                        .cancellationReason(Optional.empty()).build());
                current = snapshot.term(tenant, customer, at, end);
            } else {
                checkEnd(end, latest.start());
                current = snapshot.term(tenant, customer, latest.start(), end);
            }
        } else if (end.isPresent()) {
            checkEnd(end, latest.start());
            current = Subscription.builder().copyFrom(latest).end(end)
                    .cancellationReason(snapshot.cancellationReason()).build();
        } else {
            current = latest;
        }

        if (!current.equals(latest)) {
            writes.add(current);
        }
        return writes;
    }

    /** Returns the history with the written terms put in (same start replaces), by start. */
    static List<Subscription> merge(List<Subscription> history, List<Subscription> writes) {
        Map<Instant, Subscription> byStart = new LinkedHashMap<>();
        history.forEach(term -> byStart.put(term.start(), term));
        writes.forEach(term -> byStart.put(term.start(), term));
        List<Subscription> merged = new ArrayList<>(byStart.values());
        merged.sort(Comparator.comparing(Subscription::start));
        return List.copyOf(merged);
    }

    /** Returns the MRR of the term running at an instant, zero when none runs. */
    static Money mrrAt(List<Subscription> terms, Instant at, Currency currency) {
        return terms.stream().filter(term -> term.isActiveAt(at)).map(Subscription::mrr)
                .reduce(Money.zero(currency), Money::plus);
    }

    private static void checkEnd(Optional<Instant> end, Instant start) {
        if (end.isPresent() && !end.get().isAfter(start)) {
            throw new InvalidInputException("data.object.ended_at", end.get(),
                    "must be after the start of the subscription's current term " + start);
        }
    }
}
