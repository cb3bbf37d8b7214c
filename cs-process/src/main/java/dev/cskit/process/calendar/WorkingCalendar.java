package dev.cskit.process.calendar;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.InvalidInputException;
import dev.cskit.process.BusinessCalendar;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * A business calendar: the working days of the week, the working hours of each working day
 * and the holidays, all in one time zone. It answers "when has this much working time
 * passed?" ({@link #plus}) and "how much working time lies between two instants?"
 * ({@link #workingTime}), so that an SLA of "8 working hours" skips nights, weekends and
 * holidays.
 *
 * <pre>{@code
 * WorkingCalendar paris = WorkingCalendar.builder()
 *         .zone(ZoneId.of("Europe/Paris"))
 *         .mondayToFriday()
 *         .hours("09:00-12:00", "13:00-17:00")
 *         .addHolidays(LocalDate.of(2025, 4, 21))
 *         .build();
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>Working time is elapsed time inside the working hours of working days that are not
 *       holidays. Days, hours and holidays are read in {@link #zone()}.</li>
 *   <li>Working hours are the same on every working day. Each span opens at its start
 *       (included) and closes at its end (excluded); spans may not overlap. On a
 *       daylight-saving day a span lasts what it lasts on the wall clock (see
 *       {@link WorkingHours}).</li>
 *   <li>{@code plus(start, d)} with {@code d > 0} returns the instant at which the working
 *       time {@code d} counted from {@code start} is used up. It lies in {@code (opens,
 *       closes]} of some span: when the time runs out exactly at a closing time, the result is
 *       that closing instant, not the next opening (8 working hours from Monday 09:00 with
 *       09:00-17:00 hours end on Monday 17:00). A start outside working time counts from the
 *       next opening. {@code plus(start, ZERO)} is {@code start}.</li>
 *   <li>Hence {@code plus(plus(t, a), b) == plus(t, a.plus(b))}, the result never decreases as
 *       the duration grows, and {@code workingTime(t, plus(t, d)) == d}.</li>
 *   <li>{@code plusWorkingDays(start, n)} keeps the local time of day of the first working
 *       instant and moves it {@code n} working days on (see {@link #plusWorkingDays}).</li>
 * </ul>
 *
 * <p>Note: a span cannot cross midnight (a night shift is two spans on two days), hours do not
 * differ per weekday, and {@code plus} walks the calendar day by day, so its cost grows with
 * the number of days spanned; durations are limited to {@link #MAX_WORKING_TIME} and
 * measured spans to {@link #MAX_SPAN}.
 *
 * <p>Immutable and thread-safe. In JSON: {@code {"zone": "Europe/Paris", "workingDays":
 * ["MONDAY", ...], "hours": ["09:00-17:00"], "holidays": ["2025-04-21"]}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkingCalendar.class)
@JsonDeserialize(as = ImmutableWorkingCalendar.class)
public abstract class WorkingCalendar implements BusinessCalendar {

    /** The longest working time {@link #plus} accepts: 3,650 days (87,600 hours). */
    public static final Duration MAX_WORKING_TIME = Duration.ofDays(3_650);

    /** The longest span {@link #workingTime} measures: 36,525 days (100 years). */
    public static final Duration MAX_SPAN = Duration.ofDays(36_525);

    /** The most working days {@link #plusWorkingDays} accepts: 3,650. */
    public static final int MAX_WORKING_DAYS = 3_650;

    /** @return the zone in which days, hours and holidays are read */
    public abstract ZoneId zone();

    /** @return the days of the week on which work happens; at least one */
    @Value.NaturalOrder
    public abstract SortedSet<DayOfWeek> workingDays();

    /** @return the working hours of every working day, in order; at least one span */
    @Value.NaturalOrder
    public abstract SortedSet<WorkingHours> hours();

    /** @return the dates, in {@link #zone()}, on which no work happens; empty by default */
    @Value.NaturalOrder
    public abstract SortedSet<LocalDate> holidays();

    /**
     * Tells whether a date is a working day: a working day of the week and not a holiday.
     *
     * @param date the local date in {@link #zone()}
     * @return whether work happens on that date
     */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays().contains(date.getDayOfWeek()) && !holidays().contains(date);
    }

    /**
     * Tells whether an instant is working time: inside a span of working hours (opening
     * included, closing excluded) on a working day.
     *
     * @param instant the instant
     * @return whether it is working time
     */
    public boolean isWorkingTime(Instant instant) {
        LocalDate day = instant.atZone(zone()).toLocalDate();
        if (!isWorkingDay(day)) {
            return false;
        }
        for (WorkingHours span : hours()) {
            if (!instant.isBefore(span.opensOn(day, zone()))
                    && instant.isBefore(span.closesOn(day, zone()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the instant at which the given working time, counted from {@code start}, is used
     * up. See the class comment for the rules.
     *
     * @param start where counting starts; outside working time, counting starts at the next
     *     opening
     * @param workingTime how much working time must pass; zero returns {@code start}
     * @return the instant the working time is used up
     * @throws InvalidInputException if {@code workingTime} is negative or longer than
     *     {@link #MAX_WORKING_TIME}, or the result lies beyond the supported instants
     */
    @Override
    public Instant plus(Instant start, Duration workingTime) {
        checkWorkingTime(workingTime);
        if (workingTime.isZero()) {
            return start;
        }

        // Walk the spans from the day of the start onwards, using up the remaining time.
        Duration remaining = workingTime;
        try {
            for (LocalDate day = start.atZone(zone()).toLocalDate(); ; day = day.plusDays(1)) {
                for (Interval interval : intervalsOn(day)) {
                    if (!interval.closes.isAfter(start)) {
                        continue;
                    }
                    Instant from = interval.opens.isAfter(start) ? interval.opens : start;
                    Duration available = Duration.between(from, interval.closes);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
        } catch (DateTimeException e) {
            throw new InvalidInputException("workingTime", workingTime,
                    "must end before " + Instant.MAX + " counted from " + start);
        }
    }

    /**
     * Returns the instant {@code workingDays} working days after {@code start}, at the same
     * local time of day. A start outside working time first moves to the next opening, so
     * one working day from Friday 18:00 (hours 09:00-17:00) is Tuesday 09:00, and one from
     * Friday 10:00 is Monday 10:00. Weekends and holidays do not count. When that local time
     * does not exist on the day reached (a daylight-saving gap), it moves forward by the
     * length of the gap (02:30 becomes 03:30 on the spring-forward day in Europe/Paris); in
     * an overlap the earlier offset is taken.
     *
     * @param start the instant to count from
     * @param workingDays how many working days to add; zero returns the next opening (or
     *     {@code start} when it is working time)
     * @return the later instant
     * @throws InvalidInputException if {@code workingDays} is negative or more than
     *     {@link #MAX_WORKING_DAYS}
     */
    @Override
    public Instant plusWorkingDays(Instant start, int workingDays) {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new InvalidInputException("workingDays", workingDays,
                    "must be between 0 and " + MAX_WORKING_DAYS);
        }

        // Count whole working days from the day of the first working instant.
        ZonedDateTime from = nextOpening(start).atZone(zone());
        LocalDate day = from.toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, from.toLocalTime(), zone()).toInstant();
    }

    /**
     * Returns the first working instant at or after {@code instant}: the instant itself when
     * it is working time, otherwise the next opening.
     *
     * @param instant the instant
     * @return the first working instant from then on
     */
    public Instant nextOpening(Instant instant) {
        for (LocalDate day = instant.atZone(zone()).toLocalDate(); ; day = day.plusDays(1)) {
            for (Interval interval : intervalsOn(day)) {
                if (interval.closes.isAfter(instant) && interval.closes.isAfter(interval.opens)) {
                    return interval.opens.isAfter(instant) ? interval.opens : instant;
                }
            }
        }
    }

    /**
     * Returns the working time between two instants: the part of {@code [from, to)} that lies
     * inside working hours on working days.
     *
     * @param from the first instant, included
     * @param to the last instant, excluded; not before {@code from}
     * @return the working time, zero or more
     * @throws InvalidInputException if {@code to} is before {@code from}, or more than
     *     {@link #MAX_SPAN} after it
     */
    public Duration workingTime(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new InvalidInputException("to", to,
                    "must be at most " + MAX_SPAN + " after from (" + from + ")");
        }

        // Sum the overlap of [from, to) with each span of each day it touches.
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone()).toLocalDate();
        for (LocalDate day = from.atZone(zone()).toLocalDate(); !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Interval interval : intervalsOn(day)) {
                Instant start = interval.opens.isAfter(from) ? interval.opens : from;
                Instant end = interval.closes.isBefore(to) ? interval.closes : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    @Value.Check
    void check() {
        if (workingDays().isEmpty()) {
            throw new InvalidInputException("workingDays", "[]",
                    "must name at least one day of the week");
        }
        if (hours().isEmpty()) {
            throw new InvalidInputException("hours", "[]",
                    "must hold at least one span of working hours");
        }
        WorkingHours previous = null;
        for (WorkingHours span : hours()) {
            if (previous != null && previous.overlaps(span)) {
                throw new InvalidInputException("hours", previous + ", " + span,
                        "spans of working hours must not overlap");
            }
            previous = span;
        }
    }

    private List<Interval> intervalsOn(LocalDate day) {
        if (!isWorkingDay(day)) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>(hours().size());
        for (WorkingHours span : hours()) {
            intervals.add(new Interval(span.opensOn(day, zone()), span.closesOn(day, zone())));
        }
        return intervals;
    }

    private static void checkWorkingTime(Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new InvalidInputException("workingTime", workingTime, "must not be negative");
        }
        if (workingTime.compareTo(MAX_WORKING_TIME) > 0) {
            throw new InvalidInputException("workingTime", workingTime,
                    "must be at most " + MAX_WORKING_TIME);
        }
    }

    /** One span of working hours on one day, as instants. */
    private static final class Interval {
        final Instant opens;
        final Instant closes;

        Interval(Instant opens, Instant closes) {
            this.opens = opens;
            this.closes = closes;
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link WorkingCalendar}; the zone, at least one working day and at least one
     * span of hours are required. Not thread-safe.
     */
    public static final class Builder extends ImmutableWorkingCalendar.Builder {

        /**
         * Sets the working days to Monday to Friday.
         *
         * @return this builder
         */
        public Builder mondayToFriday() {
            return workingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        }

        /**
         * Adds spans of working hours written {@code HH:mm-HH:mm}.
         *
         * @param spans the spans, such as {@code "09:00-12:00"}
         * @return this builder
         * @throws InvalidInputException if a span is malformed
         */
        public Builder hours(String... spans) {
            for (String span : spans) {
                addHours(WorkingHours.parse(span));
            }
            return this;
        }
    }
}
