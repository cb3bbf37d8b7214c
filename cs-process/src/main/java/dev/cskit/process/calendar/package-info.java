/**
 * Business calendars: working days, working hours and holidays in a time zone, for SLA
 * levels and timers counted in working time.
 *
 * <p>{@link dev.cskit.process.calendar.WorkingCalendar} is the
 * {@link dev.cskit.process.BusinessCalendar} cskit ships. Calendar delays ({@code P1D}) and
 * exact delays ({@code PT24H}) on the plain clock are {@link dev.cskit.process.Delay}'s
 * business; both follow the same rule for a local time a daylight-saving change skips (it
 * moves forward by the length of the gap) or repeats (the earlier offset wins).
 * Every type here is immutable and thread-safe.
 */
@ValueStyle
package dev.cskit.process.calendar;

import dev.cskit.core.ValueStyle;
