package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cskit.core.InvalidInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How long to wait: either an exact duration or a calendar period, written in ISO-8601.
 *
 * <ul>
 *   <li>An exact delay has a time part ({@code PT24H}, {@code PT90M}): that many seconds of
 *       elapsed time, whatever the clocks on the wall do. Across a daylight-saving change
 *       {@code PT24H} lands an hour earlier or later on the wall.</li>
 *   <li>A calendar delay has only a date part ({@code P1D}, {@code P2W}, {@code P1M}): the same
 *       wall-clock time that many days, weeks, months or years later in a time zone. Across a
 *       daylight-saving change {@code P1D} is 23 or 25 hours long. When the wall-clock time
 *       falls in a gap (the clocks jump forward over it), it moves forward by the length of
 *       the gap; in an overlap the earlier offset is kept.</li>
 * </ul>
 * A text that mixes both ({@code P1DT2H}) is refused, so that every delay says plainly which
 * of the two it means. A delay may be zero or negative as a value; a definition using one is
 * refused by {@link DefinitionValidator}.
 *
 * <p>In JSON a delay is its ISO-8601 text. Instances are immutable and thread-safe.
 */
public final class Delay {

    private final Duration exact;
    private final Period calendar;

    private Delay(Duration exact, Period calendar) {
        this.exact = exact;
        this.calendar = calendar;
    }

    /**
     * Returns an exact delay.
     *
     * @param duration the elapsed time
     * @return the delay
     */
    public static Delay of(Duration duration) {
        return new Delay(Objects.requireNonNull(duration, "duration"), null);
    }

    /**
     * Returns a calendar delay.
     *
     * @param period the days, months and years, counted on the wall clock of a zone
     * @return the delay
     */
    public static Delay of(Period period) {
        return new Delay(null, Objects.requireNonNull(period, "period"));
    }

    /**
     * Returns a calendar delay of whole days.
     *
     * @param days the days
     * @return the delay
     */
    public static Delay ofDays(int days) {
        return of(Period.ofDays(days));
    }

    /**
     * Returns an exact delay of whole hours.
     *
     * @param hours the hours
     * @return the delay
     */
    public static Delay ofHours(long hours) {
        return of(Duration.ofHours(hours));
    }

    /**
     * Reads a delay from its ISO-8601 text: {@code PT24H} is exact, {@code P1D} is calendar.
     *
     * @param text the text
     * @return the delay
     * @throws InvalidInputException if the text is not an ISO-8601 duration or period, or
     *     mixes a date part and a time part
     */
    @JsonCreator
    public static Delay parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("delay", text, "must not be blank");
        }
        String upper = text.trim().toUpperCase(java.util.Locale.ROOT);
        int t = upper.indexOf('T');
        try {
            if (t < 0) {
                return of(Period.parse(upper));
            }
            String datePart = upper.substring(0, t).replace("-", "").replace("+", "");
            if (!datePart.equals("P")) {
                throw new InvalidInputException("delay", text, "must be either a calendar"
                        + " period (P1D) or an exact duration (PT24H), not both in one");
            }
            return of(Duration.parse(upper));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("delay", text,
                    "must be an ISO-8601 period such as P1D or duration such as PT24H");
        }
    }

    /** @return whether this is an exact delay (a {@link Duration}) */
    public boolean isExact() {
        return exact != null;
    }

    /** @return the exact duration, when this is an exact delay */
    public Optional<Duration> exact() {
        return Optional.ofNullable(exact);
    }

    /** @return the calendar period, when this is a calendar delay */
    public Optional<Period> calendar() {
        return Optional.ofNullable(calendar);
    }

    /** @return whether the delay is longer than zero */
    public boolean isPositive() {
        if (exact != null) {
            return !exact.isNegative() && !exact.isZero();
        }
        boolean anyNegative = calendar.getDays() < 0 || calendar.getMonths() < 0
                || calendar.getYears() < 0;
        return !anyNegative && !calendar.isZero();
    }

    /**
     * Returns the instant this delay after {@code start}, reading calendar periods on the
     * wall clock of {@code zone} (see the class comment for gaps and overlaps).
     *
     * @param start the instant to count from
     * @param zone the zone for calendar periods; ignored by exact delays
     * @return the later instant
     * @throws InvalidInputException if the result is outside the supported range of instants
     */
    public Instant addTo(Instant start, ZoneId zone) {
        try {
            if (exact != null) {
                return start.plus(exact);
            }
            return start.atZone(zone).plus(calendar).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidInputException("delay", this,
                    "added to " + start + " leaves the supported range of instants");
        }
    }

    /** @return the ISO-8601 text, as {@link #parse} reads it */
    @JsonValue
    @Override
    public String toString() {
        return exact != null ? exact.toString() : calendar.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Delay)) {
            return false;
        }
        Delay that = (Delay) other;
        return Objects.equals(exact, that.exact) && Objects.equals(calendar, that.calendar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact, calendar);
    }
}
