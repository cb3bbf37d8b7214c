package dev.cskit.kpi.internal;

import dev.cskit.core.CustomerId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every customer's total MRR as a step function of time, in one flat layout: customer
 * {@code c} owns the change points {@code offsets[c] <= i < offsets[c + 1]}; from
 * {@code times[i]} on, until the next change point, its MRR is {@code values[i]} minor units.
 * Before its first change point a customer's MRR is zero. Consecutive values differ.
 *
 * <p>Built once per set of histories and read by many queries without allocation. Immutable
 * after construction (the arrays are never handed out), so safe to share between threads.
 */
public final class MrrTimeline {

    private final CustomerId[] customers;
    private final int[] offsets;
    private final Instant[] times;
    private final long[] values;
    private final int[] firstPaid;

    private MrrTimeline(CustomerId[] customers, int[] offsets, Instant[] times, long[] values) {
        this.customers = customers;
        this.offsets = offsets;
        this.times = times;
        this.values = values;
        this.firstPaid = new int[customers.length];
        for (int c = 0; c < customers.length; c++) {
            firstPaid[c] = -1;
            for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                if (values[i] > 0) {
                    firstPaid[c] = i;
                    break;
                }
            }
        }
    }

    /**
     * Builds the timeline from terms already grouped by customer.
     *
     * @param customers the customers, in the order they get their index
     * @param terms per customer, its terms as {@code {start, end or null, mrr}}
     * @return the timeline
     */
    public static MrrTimeline build(List<CustomerId> customers, List<List<Term>> terms) {
        int total = 0;
        for (List<Term> list : terms) {
            total += 2 * list.size();
        }
        Instant[] times = new Instant[total];
        long[] values = new long[total];
        int[] offsets = new int[customers.size() + 1];
        int next = 0;
        for (int c = 0; c < customers.size(); c++) {
            offsets[c] = next;
            next = appendCustomer(terms.get(c), times, values, next);
        }
        offsets[customers.size()] = next;
        return new MrrTimeline(customers.toArray(new CustomerId[0]), offsets,
                Arrays.copyOf(times, next), Arrays.copyOf(values, next));
    }

    /** One term reduced to what the timeline needs; {@code end} is null while it runs. */
    public record Term(Instant start, Instant end, long mrr) {
    }

    private static int appendCustomer(List<Term> terms, Instant[] times, long[] values,
            int from) {
        // Each term is a +mrr step at its start and a -mrr step at its end.
        int count = 0;
        Instant[] eventTimes = new Instant[2 * terms.size()];
        long[] deltas = new long[2 * terms.size()];
        for (Term term : terms) {
            eventTimes[count] = term.start();
            deltas[count++] = term.mrr();
            if (term.end() != null) {
                eventTimes[count] = term.end();
                deltas[count++] = -term.mrr();
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Instant[] keys = eventTimes;
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));

        // Sum the steps at each instant and keep only the instants where the total changes.
        int next = from;
        long running = 0;
        int i = 0;
        while (i < count) {
            Instant at = eventTimes[order[i]];
            while (i < count && eventTimes[order[i]].equals(at)) {
                running = Math.addExact(running, deltas[order[i]]);
                i++;
            }
            long previous = next == from ? 0 : values[next - 1];
            if (running != previous) {
                times[next] = at;
                values[next] = running;
                next++;
            }
        }
        return next;
    }

    /** @return how many customers */
    public int customerCount() {
        return customers.length;
    }

    /**
     * @param customer the customer's index
     * @return the customer's id
     */
    public CustomerId customer(int customer) {
        return customers[customer];
    }

    /**
     * @param customer the customer's index
     * @return the index of its first change point
     */
    public int first(int customer) {
        return offsets[customer];
    }

    /**
     * @param customer the customer's index
     * @return the index after its last change point
     */
    public int limit(int customer) {
        return offsets[customer + 1];
    }

    /**
     * @param i a change point
     * @return when it happens
     */
    public Instant time(int i) {
        return times[i];
    }

    /**
     * @param i a change point
     * @return the MRR from then on, in minor units
     */
    public long value(int i) {
        return values[i];
    }

    /**
     * @param customer the customer's index
     * @return the change point where it first paid, or -1 if it never did
     */
    public int firstPaid(int customer) {
        return firstPaid[customer];
    }

    /**
     * Finds the first change point of a customer at or after an instant.
     *
     * @param customer the customer's index
     * @param at the instant
     * @return the index, or {@link #limit(int)} when every change point is before
     */
    public int firstAtOrAfter(int customer, Instant at) {
        int lo = offsets[customer];
        int hi = offsets[customer + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid].isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Returns a customer's MRR after every change before an instant.
     *
     * @param customer the customer's index
     * @param at the instant
     * @return the MRR in minor units
     */
    public long valueBefore(int customer, Instant at) {
        int i = firstAtOrAfter(customer, at);
        return i == offsets[customer] ? 0 : values[i - 1];
    }
}
