package dev.cskit.core.internal.memory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Sorted keys grouped by an owner, such as a customer's instances by start: finding a group
 * costs one hash look-up, and its keys come in order. A group that loses its last key is
 * dropped, so the index holds no empty groups.
 *
 * <p>Not thread-safe: the store guards it with its lock.
 *
 * @param <G> the owner
 * @param <K> the key, in its natural order
 */
public final class GroupIndex<G, K extends Comparable<? super K>> {

    private final Map<G, NavigableSet<K>> groups = new HashMap<>();

    /**
     * Adds a key to a group; O(log m) for a group of m keys.
     *
     * @param group the owner
     * @param key the key
     */
    public void add(G group, K key) {
        groups.computeIfAbsent(group, g -> new TreeSet<>()).add(key);
    }

    /**
     * Removes a key from a group, if it is there; O(log m).
     *
     * @param group the owner
     * @param key the key
     */
    public void remove(G group, K key) {
        NavigableSet<K> keys = groups.get(group);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            groups.remove(group);
        }
    }

    /**
     * Returns a group's keys in order, as a read-only view that later changes show through;
     * copy what is kept beyond the lock.
     *
     * @param group the owner
     * @return the keys; empty for an unknown group
     */
    public NavigableSet<K> keys(G group) {
        NavigableSet<K> keys = groups.get(group);
        return keys == null ? Collections.emptyNavigableSet()
                : Collections.unmodifiableNavigableSet(keys);
    }
}
