package dev.cskit.process.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of {@link WorkingCalendar#plus}, over starts from 2024 to 2025 (so every
 * daylight-saving change of both years is crossed) and calendars with split hours, holidays,
 * night spans that a change shortens or lengthens, and a whole-day calendar.
 */
class WorkingCalendarPropertiesTest {

    private static final long QUARTER_HOUR = 15 * 60;
    private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private static final WorkingCalendar PARIS_SPLIT = WorkingCalendar.builder()
            .zone(ZoneId.of("Europe/Paris"))
            .mondayToFriday()
            .hours("09:00-12:30", "14:00-18:00")
            .addHolidays(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 20),
                    LocalDate.of(2025, 4, 21), LocalDate.of(2025, 6, 9))
            .build();
    private static final WorkingCalendar NEW_YORK = WorkingCalendar.builder()
            .zone(ZoneId.of("America/New_York"))
            .mondayToFriday()
            .hours("09:00-17:00")
            .addHolidays(LocalDate.of(2024, 5, 27), LocalDate.of(2025, 5, 26))
            .build();
    private static final WorkingCalendar PARIS_NIGHTS = WorkingCalendar.builder()
            .zone(ZoneId.of("Europe/Paris"))
            .workingDays(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
            .hours("00:00-04:00", "22:00-24:00")
            .build();
    private static final WorkingCalendar ALL_DAY = WorkingCalendar.builder()
            .zone(ZoneId.of("America/New_York"))
            .workingDays(EnumSet.allOf(DayOfWeek.class))
            .hours("00:00-24:00")
            .build();

    private static Gen<WorkingCalendar> calendars() {
        return Generate.pick(List.of(PARIS_SPLIT, NEW_YORK, PARIS_NIGHTS, ALL_DAY));
    }

    private static Gen<Instant> starts() {
        return Generate.longRange(FROM, TO).map(s -> Instant.ofEpochSecond(s));
    }

    private static Gen<Duration> durations() {
        return Generate.longRange(0, 60L * 60 * 120).map(s -> Duration.ofSeconds(s));
    }

    @Test
    void plus_isAdditiveInTheWorkingTime() {
        qt().forAll(calendars(), starts(), durations(), durations())
                .checkAssert((calendar, start, a, b) -> assertThat(
                        calendar.plus(calendar.plus(start, a), b))
                        .isEqualTo(calendar.plus(start, a.plus(b))));
    }

    @Test
    void plus_endsInsideWorkingTimeOrExactlyAtAClosing() {
        // The result r lies in (opens, closes] of a span: exactly when r - 1 ns is working time.
        qt().forAll(calendars(), starts(), durations().assuming(d -> !d.isZero()))
                .checkAssert((calendar, start, d) -> assertThat(
                        calendar.isWorkingTime(calendar.plus(start, d).minusNanos(1)))
                        .as("%s plus %s", start, d).isTrue());
    }

    @Test
    void plus_growsStrictlyWithTheWorkingTime() {
        qt().forAll(calendars(), starts(), durations(), durations().assuming(d -> !d.isZero()))
                .checkAssert((calendar, start, a, extra) -> assertThat(
                        calendar.plus(start, a.plus(extra)))
                        .isAfter(calendar.plus(start, a)));
    }

    @Test
    void workingTime_measuresWhatPlusAdded() {
        qt().forAll(calendars(), starts(), durations())
                .checkAssert((calendar, start, d) -> {
                    Instant from = calendar.plus(start, Duration.ZERO);
                    assertThat(calendar.workingTime(from, calendar.plus(from, d))).isEqualTo(d);
                });
    }

    @Test
    void plus_onAWholeDayCalendarIsExactAddition() {
        qt().forAll(starts(), durations())
                .checkAssert((start, d) -> assertThat(ALL_DAY.plus(start, d))
                        .isEqualTo(start.plus(d)));
    }

    @Test
    void plus_agreesWithCountingQuarterHoursOneByOne() {
        Gen<Instant> quarterStarts = Generate.longRange(FROM / QUARTER_HOUR, TO / QUARTER_HOUR)
                .map(q -> Instant.ofEpochSecond(q * QUARTER_HOUR));
        Gen<Integer> quarters = Generate.range(1, 4 * 40);

        qt().withExamples(300).forAll(calendars(), quarterStarts, quarters)
                .checkAssert((calendar, start, n) -> assertThat(
                        calendar.plus(start, Duration.ofSeconds(n * QUARTER_HOUR)))
                        .isEqualTo(countQuarters(calendar, start, n)));
    }

    @Test
    void plusWorkingDays_isAdditiveAndLandsInWorkingTime() {
        // Calendars whose hours avoid the local times a daylight-saving change skips.
        Gen<WorkingCalendar> dayCalendars = Generate.pick(List.of(PARIS_SPLIT, NEW_YORK));
        Gen<Integer> days = Generate.range(0, 30);

        qt().forAll(dayCalendars, starts(), days, days)
                .checkAssert((calendar, start, a, b) -> {
                    Instant due = calendar.plusWorkingDays(start, a + b);
                    assertThat(calendar.plusWorkingDays(calendar.plusWorkingDays(start, a), b))
                            .isEqualTo(due);
                    assertThat(calendar.isWorkingTime(due)).isTrue();
                });
    }

    /** A second implementation: step a quarter hour at a time, counting the working ones. */
    private static Instant countQuarters(WorkingCalendar calendar, Instant start, int n) {
        Instant cursor = start;
        int counted = 0;
        while (true) {
            if (calendar.isWorkingTime(cursor)) {
                counted++;
                if (counted == n) {
                    return cursor.plusSeconds(QUARTER_HOUR);
                }
            }
            cursor = cursor.plusSeconds(QUARTER_HOUR);
        }
    }
}
