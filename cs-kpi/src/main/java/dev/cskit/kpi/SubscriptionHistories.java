package dev.cskit.kpi;

import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.kpi.internal.MrrTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Subscription histories prepared for the revenue, retention and cohort KPIs: every term's MRR
 * in one currency, and every customer's MRR as a function of time.
 *
 * <p>A subscription's life is a series of terms sharing an id ({@link Subscription}). A
 * customer's MRR at an instant is the sum of {@link Subscription#mrr()} over its terms running
 * then; a customer is paying while that sum is above zero. Plans billed weekly, quarterly,
 * yearly or every N intervals are normalised to a month by {@link Subscription#mrr()}.
 *
 * <p>Currencies never mix silently. {@link #of(Collection)} and {@link #of(Currency,
 * Collection)} refuse terms in another currency; {@link #of(RateTable, Collection)} converts
 * each term's MRR into the reporting currency once, rounding half to even to a minor unit, so
 * every later sum is exact.
 *
 * <p>Checked when built: no two terms of one subscription share a start or overlap, and all
 * terms of one subscription belong to one customer. The input order of the terms does not
 * matter. Building is linear in the number of terms (plus a sort); the result is immutable
 * and safe to share between threads.
 */
public final class SubscriptionHistories {

    private final Currency currency;
    private final List<Subscription> terms;
    private final long[] termMrr;
    private final long[] termListMrr;
    private final Map<String, Instant> cancellations;
    private final MrrTimeline atEndOfPaidPeriod;
    private final MrrTimeline atCancellation;

    private SubscriptionHistories(Currency currency, List<Subscription> terms, long[] termMrr,
            long[] termListMrr, Map<String, Instant> cancellations) {
        this.currency = currency;
        this.terms = terms;
        this.termMrr = termMrr;
        this.termListMrr = termListMrr;
        this.cancellations = cancellations;
        this.atEndOfPaidPeriod = timeline(Map.of());
        this.atCancellation = cancellations.isEmpty() ? atEndOfPaidPeriod
                : timeline(cancellations);
    }

    /**
     * Prepares terms that all share one currency.
     *
     * @param terms the terms, in any order; at least one
     * @return the histories
     * @throws InvalidInputException if there are no terms, currencies differ, or terms of one
     *     subscription overlap or name different customers
     */
    public static SubscriptionHistories of(Collection<Subscription> terms) {
        if (terms.isEmpty()) {
            throw new InvalidInputException("terms", "[]",
                    "must not be empty unless a currency is given: use of(currency, terms)");
        }
        return of(terms.iterator().next().unitPrice().currency(), terms);
    }

    /**
     * Prepares terms in a given currency.
     *
     * @param currency the currency of every term
     * @param terms the terms, in any order; may be empty
     * @return the histories
     * @throws InvalidInputException if a term is in another currency, or terms of one
     *     subscription overlap or name different customers
     */
    public static SubscriptionHistories of(Currency currency, Collection<Subscription> terms) {
        Objects.requireNonNull(currency, "currency");
        List<Subscription> list = List.copyOf(terms);
        long[] mrr = new long[list.size()];
        long[] listMrr = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            Subscription term = list.get(i);
            if (!term.unitPrice().currency().equals(currency)) {
                throw new InvalidInputException("subscription.unitPrice", term.unitPrice(),
                        "must be in " + currency + " like the other terms (subscription "
                                + term.id() + "); supply a RateTable to convert");
            }
            mrr[i] = term.mrr().minor();
            listMrr[i] = term.listMrr().minor();
        }
        return build(currency, list, mrr, listMrr);
    }

    /**
     * Prepares terms in any currencies, converting each term's MRR into the table's reporting
     * currency.
     *
     * @param rates the exchange rates
     * @param terms the terms, in any order; may be empty
     * @return the histories, in the reporting currency
     * @throws InvalidInputException if a currency has no rate, or terms of one subscription
     *     overlap or name different customers
     */
    public static SubscriptionHistories of(RateTable rates, Collection<Subscription> terms) {
        List<Subscription> list = List.copyOf(terms);
        long[] mrr = new long[list.size()];
        long[] listMrr = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            mrr[i] = rates.convert(list.get(i).mrr()).minor();
            listMrr[i] = rates.convert(list.get(i).listMrr()).minor();
        }
        return build(rates.reporting(), list, mrr, listMrr);
    }

    /**
     * Returns these histories with the instants customers cancelled, used by
     * {@link ChurnPolicy.Recognition#AT_CANCELLATION}: a subscription stops counting at its
     * cancellation instant instead of at the end of its paid term.
     *
     * @param cancellations the cancellations; at most one per subscription
     * @return the histories with the cancellations
     * @throws InvalidInputException if a subscription is cancelled twice or is unknown
     */
    public SubscriptionHistories withCancellations(Collection<Cancellation> cancellations) {
        Map<String, Instant> byId = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Subscription term : terms) {
            ids.add(term.id());
        }
        for (Cancellation cancellation : cancellations) {
            if (!ids.contains(cancellation.subscriptionId())) {
                throw new InvalidInputException("cancellation.subscriptionId",
                        cancellation.subscriptionId(), "must name a known subscription");
            }
            if (byId.put(cancellation.subscriptionId(), cancellation.cancelledAt()) != null) {
                throw new InvalidInputException("cancellation.subscriptionId",
                        cancellation.subscriptionId(), "must be cancelled at most once");
            }
        }
        return new SubscriptionHistories(currency, terms, termMrr, termListMrr, Map.copyOf(byId));
    }

    /** @return the currency every amount is in */
    public Currency currency() {
        return currency;
    }

    /** @return the terms, in input order */
    public List<Subscription> terms() {
        return terms;
    }

    /**
     * Returns the customers' MRR timeline under a recognition rule. Not part of the supported
     * API: for the KPI functions of this package.
     *
     * @param recognition when cancellations count
     * @return the timeline
     */
    MrrTimeline timeline(ChurnPolicy.Recognition recognition) {
        return recognition == ChurnPolicy.Recognition.AT_CANCELLATION ? atCancellation
                : atEndOfPaidPeriod;
    }

    /**
     * Returns the MRR, list MRR and paying customers in force just before an instant: after
     * every change before it, none at or after it. The MRR at the start of a period
     * {@code [S, E)} is {@code snapshot(S)}, at its end {@code snapshot(E)}.
     *
     * @param at the instant
     * @param recognition when cancellations count
     * @return the snapshot
     */
    public MrrSnapshot snapshot(Instant at, ChurnPolicy.Recognition recognition) {
        Map<CustomerId, long[]> byCustomer = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            Subscription term = terms.get(i);
            Instant end = effectiveEnd(term, recognition == ChurnPolicy.Recognition.AT_CANCELLATION
                    ? cancellations : Map.of());
            boolean running = term.start().isBefore(at) && (end == null || !end.isBefore(at));
            if (running) {
                long[] sums = byCustomer.computeIfAbsent(term.customerId(), k -> new long[2]);
                sums[0] = Math.addExact(sums[0], termMrr[i]);
                sums[1] = Math.addExact(sums[1], termListMrr[i]);
            }
        }
        long mrr = 0;
        long list = 0;
        long paying = 0;
        for (long[] sums : byCustomer.values()) {
            mrr = Math.addExact(mrr, sums[0]);
            list = Math.addExact(list, sums[1]);
            paying += sums[0] > 0 ? 1 : 0;
        }
        return new MrrSnapshot(at, Money.ofMinor(mrr, currency), Money.ofMinor(list, currency),
                paying);
    }

    private static SubscriptionHistories build(Currency currency, List<Subscription> terms,
            long[] mrr, long[] listMrr) {
        checkTerms(terms);
        return new SubscriptionHistories(currency, terms, mrr, listMrr, Map.of());
    }

    private static void checkTerms(List<Subscription> terms) {
        Map<String, List<Subscription>> byId = new HashMap<>();
        for (Subscription term : terms) {
            byId.computeIfAbsent(term.id(), k -> new ArrayList<>()).add(term);
        }
        for (List<Subscription> life : byId.values()) {
            life.sort(Comparator.comparing(Subscription::start));
            for (int i = 1; i < life.size(); i++) {
                Subscription before = life.get(i - 1);
                Subscription term = life.get(i);
                if (!term.customerId().equals(before.customerId())) {
                    throw new InvalidInputException("subscription.customerId", term.customerId(),
                            "must be " + before.customerId() + " like the other terms of "
                                    + term.id());
                }
                if (before.end().isEmpty() || before.end().get().isAfter(term.start())) {
                    throw new InvalidInputException("subscription.start", term.start(),
                            "must not fall inside the term of " + term.id() + " that starts "
                                    + before.start());
                }
            }
        }
    }

    private MrrTimeline timeline(Map<String, Instant> cancelledAt) {
        TreeMap<CustomerId, List<MrrTimeline.Term>> byCustomer = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            Subscription term = terms.get(i);
            Instant end = effectiveEnd(term, cancelledAt);
            if (end != null && !end.isAfter(term.start())) {
                continue;
            }
            byCustomer.computeIfAbsent(term.customerId(), k -> new ArrayList<>())
                    .add(new MrrTimeline.Term(term.start(), end, termMrr[i]));
        }
        return MrrTimeline.build(new ArrayList<>(byCustomer.keySet()),
                new ArrayList<>(byCustomer.values()));
    }

    private static Instant effectiveEnd(Subscription term, Map<String, Instant> cancelledAt) {
        Instant end = term.end().orElse(null);
        Instant cancelled = cancelledAt.get(term.id());
        if (cancelled != null && (end == null || cancelled.isBefore(end))) {
            return cancelled;
        }
        return end;
    }
}
