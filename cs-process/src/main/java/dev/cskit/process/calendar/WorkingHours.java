package dev.cskit.process.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cskit.core.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

/**
 * One span of working hours within a day, such as {@code 09:00-12:00}: opens at
 * {@link #opens()} (included) and closes at {@link #closes()} (excluded).
 *
 * <p>A span never crosses midnight. A {@code closes} of {@code 00:00} (written {@code 24:00}
 * in text) means midnight at the end of the day, so {@code 00:00-24:00} is the whole day.
 * On a day with a daylight-saving change a span lasts what the clock on the wall says it
 * lasts: a local time inside a gap moves forward by the length of the gap, and a local time
 * inside an overlap takes the earlier offset ({@link ZonedDateTime#of} rules). So
 * {@code 00:00-04:00} in Europe/Paris lasts 3 hours on the spring-forward day and 5 hours on
 * the fall-back day.
 *
 * <p>In JSON it is the text {@code "09:00-12:00"}. Immutable and thread-safe.
 *
 * @param opens when work starts, included
 * @param closes when work stops, excluded; {@code 00:00} for the end of the day
 */
public record WorkingHours(LocalTime opens, LocalTime closes) implements Comparable<WorkingHours> {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private static final Comparator<WorkingHours> ORDER = Comparator
            .comparing(WorkingHours::opens)
            .thenComparing(WorkingHours::closesAsNanoOfDay);

    /**
     * Validates the span.
     *
     * @throws InvalidInputException if {@code closes} is not after {@code opens}
     */
    public WorkingHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new InvalidInputException("workingHours", opens + "-" + closes,
                    "must close after it opens, on the same day (24:00 for midnight)");
        }
    }

    /**
     * Returns the span between two local times.
     *
     * @param opens when work starts
     * @param closes when work stops; {@code 00:00} for the end of the day
     * @return the span
     * @throws InvalidInputException if {@code closes} is not after {@code opens}
     */
    public static WorkingHours of(LocalTime opens, LocalTime closes) {
        return new WorkingHours(opens, closes);
    }

    /**
     * Reads a span written {@code HH:mm-HH:mm}, such as {@code 09:00-17:30} or
     * {@code 20:00-24:00}.
     *
     * @param text the span
     * @return the span
     * @throws InvalidInputException if the text is not two times joined by a hyphen, or the
     *     span does not close after it opens
     */
    @JsonCreator
    public static WorkingHours parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash < 0) {
            throw new InvalidInputException("workingHours", text, "must be HH:mm-HH:mm");
        }
        String closes = text.substring(dash + 1).trim();
        try {
            LocalTime start = LocalTime.parse(text.substring(0, dash).trim());
            LocalTime end = "24:00".equals(closes) ? LocalTime.MIDNIGHT : LocalTime.parse(closes);
            return new WorkingHours(start, end);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("workingHours", text, "must be HH:mm-HH:mm");
        }
    }

    /**
     * Tells whether this span shares some time of day with another.
     *
     * @param other the other span
     * @return whether they overlap
     */
    public boolean overlaps(WorkingHours other) {
        return opens.toNanoOfDay() < other.closesAsNanoOfDay()
                && other.opens.toNanoOfDay() < closesAsNanoOfDay();
    }

    /**
     * Returns the instant this span opens on a day in a zone.
     *
     * @param day the local date
     * @param zone the zone
     * @return the opening instant
     */
    public Instant opensOn(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    /**
     * Returns the instant this span closes on a day in a zone.
     *
     * @param day the local date
     * @param zone the zone
     * @return the closing instant
     */
    public Instant closesOn(LocalDate day, ZoneId zone) {
        if (closes.equals(LocalTime.MIDNIGHT)) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day, closes, zone).toInstant();
    }

    @Override
    public int compareTo(WorkingHours other) {
        return ORDER.compare(this, other);
    }

    /** @return the span as {@code HH:mm-HH:mm}, with {@code 24:00} for midnight */
    @JsonValue
    @Override
    public String toString() {
        String end = closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString();
        return opens + "-" + end;
    }

    private long closesAsNanoOfDay() {
        return closes.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : closes.toNanoOfDay();
    }
}
