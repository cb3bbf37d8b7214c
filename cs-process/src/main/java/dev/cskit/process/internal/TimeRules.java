package dev.cskit.process.internal;

import dev.cskit.process.BusinessCalendar;
import dev.cskit.process.Delay;
import dev.cskit.process.ProcessDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the runner turns a delay into an instant: calendar periods on the wall clock of the
 * definition's zone (or the runner's), exact durations as elapsed time, and
 * business-calendar delays on the runner's {@link BusinessCalendar}.
 *
 * @param defaultZone the zone for definitions that name none
 * @param calendar the business calendar
 */
public record TimeRules(ZoneId defaultZone, BusinessCalendar calendar) {

    /** Plain UTC, always open. */
    public static final TimeRules UTC = new TimeRules(ZoneId.of("UTC"),
            BusinessCalendar.ALWAYS_OPEN);

    /** Validates the parts. */
    public TimeRules {
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Returns when a delay after {@code start} falls due.
     *
     * @param definition the definition, for its zone
     * @param delay the delay
     * @param business whether it counts on the business calendar
     * @param start the instant to count from
     * @return the due instant
     */
    public Instant dueAt(ProcessDefinition definition, Delay delay, boolean business,
            Instant start) {
        if (!business) {
            return delay.addTo(start, definition.zone().orElse(defaultZone));
        }
        if (delay.isExact()) {
            return calendar.plus(start, delay.exact().orElseThrow());
        }
        return calendar.plusWorkingDays(start, delay.calendar().orElseThrow().getDays());
    }
}
