package dev.cskit.kpi;

import dev.cskit.core.InvalidInputException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The half-open span of time {@code [start, end)} a KPI is computed for. The caller always
 * says which period; no KPI function reads a clock.
 *
 * <p>What happens at an instant belongs to the period that contains the instant: a
 * subscription starting exactly at {@code start} is new in this period, one ending exactly at
 * {@code end} churns in the next one.
 *
 * @param start the first instant, inclusive
 * @param end the instant after the last, exclusive; after {@code start}
 */
public record Period(Instant start, Instant end) {

    /**
     * Validates the bounds.
     *
     * @throws InvalidInputException if a bound is missing or the end is not after the start
     */
    public Period {
        if (start == null) {
            throw new InvalidInputException("period.start", null, "is required");
        }
        if (end == null) {
            throw new InvalidInputException("period.end", null, "is required");
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("period.end", end, "must be after the start " + start);
        }
    }

    /**
     * Returns the period from {@code start} to {@code end}.
     *
     * @param start the first instant, inclusive
     * @param end the end, exclusive
     * @return the period
     */
    public static Period of(Instant start, Instant end) {
        return new Period(start, end);
    }

    /**
     * Returns a calendar month in a time zone.
     *
     * @param month the month
     * @param zone the zone whose midnights bound the month
     * @return the month from its first midnight to the next month's
     */
    public static Period ofMonth(YearMonth month, ZoneId zone) {
        return new Period(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Returns consecutive calendar months.
     *
     * @param first the first month
     * @param count how many months, at least 1
     * @param zone the zone whose midnights bound the months
     * @return the months in order, each ending where the next starts
     * @throws InvalidInputException if the count is below 1
     */
    public static List<Period> months(YearMonth first, int count, ZoneId zone) {
        if (count < 1) {
            throw new InvalidInputException("count", count, "must be at least 1");
        }
        Objects.requireNonNull(zone, "zone");
        List<Period> months = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            months.add(ofMonth(first.plusMonths(i), zone));
        }
        return List.copyOf(months);
    }

    /**
     * Tells whether an instant falls in the period.
     *
     * @param at the instant
     * @return whether {@code start <= at < end}
     */
    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /**
     * Splits the period in two at an instant inside it.
     *
     * @param at where the first part ends and the second starts
     * @return the two parts, in order
     * @throws InvalidInputException if {@code at} is not strictly inside the period
     */
    public List<Period> splitAt(Instant at) {
        if (at == null || !at.isAfter(start) || !at.isBefore(end)) {
            throw new InvalidInputException("at", at, "must be strictly inside " + this);
        }
        return List.of(new Period(start, at), new Period(at, end));
    }

    /** @return {@code "[start, end)"} */
    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
