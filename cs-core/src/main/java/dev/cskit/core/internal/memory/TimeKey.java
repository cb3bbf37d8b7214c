package dev.cskit.core.internal.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * A record's place in an order by instant, then id: an event by occurrence or receipt, an
 * instance by start, an alert by raise time, an outbox entry by next attempt or creation.
 *
 * @param at the instant the order is by
 * @param id the record's id, which breaks ties
 */
public record TimeKey(Instant at, String id) implements Comparable<TimeKey> {

    /**
     * Creates a key.
     *
     * @param at the instant the order is by
     * @param id the record's id, which breaks ties
     */
    public TimeKey {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(TimeKey other) {
        int byInstant = at.compareTo(other.at);
        return byInstant != 0 ? byInstant : id.compareTo(other.id);
    }
}
