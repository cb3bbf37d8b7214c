package dev.cskit.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: for tests, and for a demo that lives a year in
 * a second. {@link #set} and {@link #advance} move it; {@link #instant()} reads it.
 *
 * <p>Thread-safe: the instant is held atomically. Clocks made by {@link #withZone} share the
 * instant with this one.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> instant;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    /**
     * Returns a clock standing at an instant, in UTC.
     *
     * @param start the instant
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return at(start, ZoneId.of("UTC"));
    }

    /**
     * Returns a clock standing at an instant, in a zone.
     *
     * @param start the instant
     * @param zone the zone
     * @return the clock
     */
    public static MutableClock at(Instant start, ZoneId zone) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")),
                Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Moves the clock to an instant, forwards or backwards.
     *
     * @param to the instant
     */
    public void set(Instant to) {
        instant.set(Objects.requireNonNull(to, "to"));
    }

    /**
     * Moves the clock forward (or back, for a negative amount).
     *
     * @param amount how far
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return instant.updateAndGet(i -> i.plus(amount));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(instant, other);
    }

    @Override
    public Instant instant() {
        return instant.get();
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant.get() + "," + zone + "]";
    }
}
