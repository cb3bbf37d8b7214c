package dev.cskit.core.internal.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Records that fall due at an instant and that nodes claim under a lease: due items, and
 * pending outbox entries. Each record sits under a key whose order is the order records are
 * handed out in, and whose instant (the first thing it orders by) is when the record falls
 * due.
 *
 * <p>Design note. A record not held by a lease is <em>free</em>; one that carries a lease is
 * <em>held</em>, whether or not the lease still runs, since that depends on the instant a
 * caller asks at. Free and held records sit in two maps sorted by key, and held ones also in
 * a set sorted by lease end. So, for n records:
 * <ul>
 *   <li>{@link #due} walks the due prefixes of both maps: O(log n + k) for k results;</li>
 *   <li>{@link #claimable} walks the free map's due prefix and the held records whose lease
 *       has ended: O(log n + k + e log k), e being the held records with an ended lease (in
 *       steady use few: such a record is claimed again, or replaced, soon after its lease
 *       ends). Held records whose lease still runs are never visited;</li>
 *   <li>{@link #put} and {@link #remove} cost O(log n).</li>
 * </ul>
 *
 * <p>Not thread-safe: the store guards it with its lock.
 *
 * @param <K> the key, in its natural order
 * @param <V> the record
 */
public final class ClaimQueue<K extends Comparable<K>, V> {

    private final Function<K, Instant> dueAt;
    private final NavigableMap<K, V> free = new TreeMap<>();
    private final NavigableMap<K, Held<V>> held = new TreeMap<>();
    private final NavigableSet<LeaseEnd<K>> leaseEnds = new TreeSet<>();

    /**
     * Creates an empty queue.
     *
     * @param dueAt when the record under a key falls due; must agree with the key order, so
     *     that a key with a later instant sorts after one with an earlier instant
     */
    public ClaimQueue(Function<K, Instant> dueAt) {
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * Adds a record, replacing any under the same key.
     *
     * @param key the key
     * @param value the record
     * @param leaseUntil until when a lease holds it; empty if none does
     */
    public void put(K key, V value, Optional<Instant> leaseUntil) {
        remove(key);
        if (leaseUntil.isPresent()) {
            held.put(key, new Held<>(value, leaseUntil.get()));
            leaseEnds.add(new LeaseEnd<>(leaseUntil.get(), key));
        } else {
            free.put(key, value);
        }
    }

    /**
     * Removes the record under a key, if there is one.
     *
     * @param key the key
     */
    public void remove(K key) {
        free.remove(key);
        Held<V> was = held.remove(key);
        if (was != null) {
            leaseEnds.remove(new LeaseEnd<>(was.leaseUntil(), key));
        }
    }

    /**
     * Lists records due at an instant, held or not.
     *
     * @param now the instant
     * @param limit the most to return, positive
     * @return the records whose instant is at or before {@code now}, in key order
     */
    public List<V> due(Instant now, int limit) {
        return merged(prefix(free, now, limit, Function.identity()),
                prefix(held, now, limit, Held::value), limit);
    }

    /**
     * Lists records due at an instant that no running lease holds: free ones, and held ones
     * whose lease ends at or before {@code now}.
     *
     * @param now the instant
     * @param limit the most to return, positive
     * @return the records, in key order
     */
    public List<V> claimable(Instant now, int limit) {
        List<Map.Entry<K, V>> some = prefix(free, now, limit, Function.identity());

        // Held records whose lease has ended come in lease order: keep the first by key.
        NavigableMap<K, V> more = new TreeMap<>();
        for (LeaseEnd<K> end : leaseEnds) {
            if (end.leaseUntil().isAfter(now)) {
                break;
            }
            if (!dueAt.apply(end.key()).isAfter(now)) {
                more.put(end.key(), held.get(end.key()).value());
                if (more.size() > limit) {
                    more.pollLastEntry();
                }
            }
        }
        return merged(some, List.copyOf(more.entrySet()), limit);
    }

    /** Takes at most {@code limit} entries of a map's due prefix, in key order. */
    private <T> List<Map.Entry<K, V>> prefix(NavigableMap<K, T> map, Instant now, int limit,
            Function<T, V> value) {
        List<Map.Entry<K, V>> taken = new ArrayList<>();
        for (Map.Entry<K, T> entry : map.entrySet()) {
            if (taken.size() == limit || dueAt.apply(entry.getKey()).isAfter(now)) {
                break;
            }
            taken.add(Map.entry(entry.getKey(), value.apply(entry.getValue())));
        }
        return taken;
    }

    /** Merges two disjoint lists sorted by key into one, keeping at most {@code limit}. */
    private List<V> merged(List<Map.Entry<K, V>> some, List<Map.Entry<K, V>> more, int limit) {
        List<V> values = new ArrayList<>();
        Iterator<Map.Entry<K, V>> left = some.iterator();
        Iterator<Map.Entry<K, V>> right = more.iterator();
        Map.Entry<K, V> a = left.hasNext() ? left.next() : null;
        Map.Entry<K, V> b = right.hasNext() ? right.next() : null;
        while (values.size() < limit && (a != null || b != null)) {
            if (b == null || a != null && a.getKey().compareTo(b.getKey()) < 0) {
                values.add(a.getValue());
                a = left.hasNext() ? left.next() : null;
            } else {
                values.add(b.getValue());
                b = right.hasNext() ? right.next() : null;
            }
        }
        return values;
    }

    /** A held record and the end of its lease. */
    private record Held<V>(V value, Instant leaseUntil) {
    }

    /** A held record's place in the order of lease ends. */
    private record LeaseEnd<K extends Comparable<K>>(Instant leaseUntil, K key)
            implements Comparable<LeaseEnd<K>> {

        @Override
        public int compareTo(LeaseEnd<K> other) {
            int byEnd = leaseUntil.compareTo(other.leaseUntil);
            return byEnd != 0 ? byEnd : key.compareTo(other.key);
        }
    }
}
