package dev.cskit.process.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.CsKitJson;
import dev.cskit.core.InvalidInputException;
import dev.cskit.process.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Working-time arithmetic against values computed by hand. Offsets: Europe/Paris is +01:00 in
 * winter and +02:00 in summer (changes 2024-03-31, 2024-10-27, 2025-03-30, 2025-10-26);
 * America/New_York is -05:00 and -04:00 (changes 2024-03-10, 2024-11-03, 2025-03-09,
 * 2025-11-02).
 */
class WorkingCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final WorkingCalendar PARIS_OFFICE = WorkingCalendar.builder()
            .zone(PARIS)
            .mondayToFriday()
            .hours("09:00-17:00")
            .addHolidays(LocalDate.of(2025, 4, 21), LocalDate.of(2024, 5, 20))
            .build();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    @Test
    void plus_fromFridayAfternoonCarriesOverTheWeekend() {
        // Friday 2024-06-14 15:00-17:00 is 2 h; Monday 09:00-13:00 is the other 4 h.
        Instant due = PARIS_OFFICE.plus(at("2024-06-14T15:00+02:00"), hours(6));

        assertThat(due).isEqualTo(at("2024-06-17T13:00+02:00"));
    }

    @Test
    void plus_skipsAHolidayOnAMonday() {
        // Easter Monday 2025-04-21 is a holiday: Friday 2 h, Tuesday 09:00-13:00.
        Instant due = PARIS_OFFICE.plus(at("2025-04-18T15:00+02:00"), hours(6));

        assertThat(due).isEqualTo(at("2025-04-22T13:00+02:00"));
    }

    @Test
    void plus_startOnAWeekendCountsFromMondayOpening() {
        Instant due = PARIS_OFFICE.plus(at("2024-06-15T10:00+02:00"), hours(2));

        assertThat(due).isEqualTo(at("2024-06-17T11:00+02:00"));
    }

    @Test
    void plus_startBeforeOpeningCountsFromOpening() {
        Instant due = PARIS_OFFICE.plus(at("2024-06-18T07:00+02:00"), hours(1));

        assertThat(due).isEqualTo(at("2024-06-18T10:00+02:00"));
    }

    @Test
    void plus_startAfterClosingCountsFromNextOpening() {
        Instant due = PARIS_OFFICE.plus(at("2024-06-18T18:30+02:00"), Duration.ofMinutes(90));

        assertThat(due).isEqualTo(at("2024-06-19T10:30+02:00"));
    }

    @Test
    void plus_endingExactlyAtClosingReturnsTheClosingInstant() {
        Instant due = PARIS_OFFICE.plus(at("2024-06-17T09:00+02:00"), hours(8));

        assertThat(due).isEqualTo(at("2024-06-17T17:00+02:00"));
    }

    @Test
    void plus_startingAtClosingCountsFromNextOpening() {
        Instant due = PARIS_OFFICE.plus(at("2024-06-17T17:00+02:00"), hours(1));

        assertThat(due).isEqualTo(at("2024-06-18T10:00+02:00"));
    }

    @Test
    void plus_aWorkingWeekFromMondayMorningEndsFridayEvening() {
        Instant due = PARIS_OFFICE.plus(at("2024-06-17T09:00+02:00"), hours(40));

        assertThat(due).isEqualTo(at("2024-06-21T17:00+02:00"));
    }

    @Test
    void plus_zeroIsTheStartEvenOutsideHours() {
        Instant sunday = at("2024-06-16T03:00+02:00");

        assertThat(PARIS_OFFICE.plus(sunday, Duration.ZERO)).isEqualTo(sunday);
    }

    @Test
    void plus_splitShiftsSkipTheLunchBreak() {
        WorkingCalendar split = WorkingCalendar.builder().zone(PARIS).mondayToFriday()
                .hours("14:00-18:00", "09:00-12:00").build();

        // Tuesday 10:00-12:00 is 2 h, then 14:00-16:00.
        Instant due = split.plus(at("2024-06-18T10:00+02:00"), hours(4));

        assertThat(due).isEqualTo(at("2024-06-18T16:00+02:00"));
        assertThat(split.plus(at("2024-06-18T12:30+02:00"), hours(1)))
                .isEqualTo(at("2024-06-18T15:00+02:00"));
    }

    @Test
    void plus_acrossTheNewYorkSpringForwardWeekend() {
        // Friday 2024-03-08 16:00-17:00 EST is 1 h; Monday 2024-03-11 09:00-10:00 EDT the other.
        WorkingCalendar newYork = WorkingCalendar.builder().zone(NEW_YORK).mondayToFriday()
                .hours("09:00-17:00").build();

        Instant due = newYork.plus(at("2024-03-08T16:00-05:00"), hours(2));

        assertThat(due).isEqualTo(at("2024-03-11T10:00-04:00"));
        assertThat(Duration.between(at("2024-03-08T16:00-05:00"), due)).isEqualTo(hours(65));
    }

    @Test
    void plus_skipsNewYorkMemorialDay() {
        WorkingCalendar newYork = WorkingCalendar.builder().zone(NEW_YORK).mondayToFriday()
                .hours("09:00-17:00").addHolidays(LocalDate.of(2025, 5, 26)).build();

        Instant due = newYork.plus(at("2025-05-23T16:00-04:00"), hours(3));

        assertThat(due).isEqualTo(at("2025-05-27T11:00-04:00"));
    }

    @Test
    void plus_aNightSpanLastsWhatTheWallClockSaysOnDaylightSavingDays() {
        WorkingCalendar nights = WorkingCalendar.builder().zone(PARIS)
                .workingDays(EnumSet.allOf(DayOfWeek.class))
                .hours("01:00-04:00").build();

        // 2025-03-30: 01:00+01:00 (00:00Z) to 04:00+02:00 (02:00Z) is 2 h, not 3.
        Instant spring = nights.plus(at("2025-03-30T01:00+01:00"), Duration.ofMinutes(150));
        assertThat(spring).isEqualTo(at("2025-03-31T01:30+02:00"));

        // 2025-10-26: 01:00+02:00 (23:00Z) to 04:00+01:00 (03:00Z) is 4 h.
        Instant autumn = nights.plus(at("2025-10-26T01:00+02:00"), Duration.ofMinutes(230));
        assertThat(autumn).isEqualTo(at("2025-10-26T03:50+01:00"));
    }

    @Test
    void plus_aWholeDayCalendarOnTheSpringForwardDayHas23Hours() {
        WorkingCalendar allDay = WorkingCalendar.builder().zone(PARIS)
                .workingDays(EnumSet.allOf(DayOfWeek.class))
                .hours("00:00-24:00").build();

        Instant due = allDay.plus(at("2024-03-31T00:00+01:00"), hours(24));

        assertThat(due).isEqualTo(at("2024-04-01T01:00+02:00"));
        assertThat(allDay.workingTime(at("2024-03-31T00:00+01:00"), at("2024-04-01T00:00+02:00")))
                .isEqualTo(hours(23));
        assertThat(allDay.workingTime(at("2024-10-27T00:00+02:00"), at("2024-10-28T00:00+01:00")))
                .isEqualTo(hours(25));
    }

    @Test
    void workingTime_countsOnlyWorkingHours() {
        // Friday 15:00-17:00 (2 h) + Monday 09:00-12:30 (3.5 h); Monday 2024-05-20 is Whit
        // Monday, a holiday, so that weekend is a day longer.
        assertThat(PARIS_OFFICE.workingTime(at("2024-06-14T15:00+02:00"),
                at("2024-06-17T12:30+02:00"))).isEqualTo(Duration.ofMinutes(330));
        assertThat(PARIS_OFFICE.workingTime(at("2024-05-17T15:00+02:00"),
                at("2024-05-21T12:30+02:00"))).isEqualTo(Duration.ofMinutes(330));
        assertThat(PARIS_OFFICE.workingTime(at("2024-06-15T00:00+02:00"),
                at("2024-06-16T23:00+02:00"))).isZero();
    }

    @Test
    void isWorkingTime_opensIncludedClosesExcluded() {
        assertThat(PARIS_OFFICE.isWorkingTime(at("2024-06-17T09:00+02:00"))).isTrue();
        assertThat(PARIS_OFFICE.isWorkingTime(at("2024-06-17T16:59:59+02:00"))).isTrue();
        assertThat(PARIS_OFFICE.isWorkingTime(at("2024-06-17T17:00+02:00"))).isFalse();
        assertThat(PARIS_OFFICE.isWorkingTime(at("2025-04-21T10:00+02:00"))).isFalse();
        assertThat(PARIS_OFFICE.isWorkingDay(LocalDate.of(2025, 4, 22))).isTrue();
    }

    @Test
    void plus_refusesNegativeAndHugeDurations() {
        Instant start = at("2024-06-17T09:00+02:00");

        assertThatThrownBy(() -> PARIS_OFFICE.plus(start, hours(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("workingTime").hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> PARIS_OFFICE.plus(start, Duration.ofDays(3_651)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void workingTime_refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> PARIS_OFFICE.workingTime(at("2024-06-17T10:00+02:00"),
                at("2024-06-17T09:00+02:00")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("to");
    }

    @Test
    void build_refusesOverlappingHoursAndEmptyDays() {
        assertThatThrownBy(() -> WorkingCalendar.builder().zone(PARIS).mondayToFriday()
                .hours("09:00-12:00", "11:00-17:00").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("09:00-12:00, 11:00-17:00")
                .hasMessageContaining("must not overlap");
        assertThatThrownBy(() -> WorkingCalendar.builder().zone(PARIS).hours("09:00-17:00")
                .build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("workingDays");
        assertThatThrownBy(() -> WorkingCalendar.builder().zone(PARIS).mondayToFriday().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hours");
    }

    @Test
    void workingHours_parseRefusesMalformedAndBackwardSpans() {
        assertThat(WorkingHours.parse("20:00-24:00").toString()).isEqualTo("20:00-24:00");
        assertThatThrownBy(() -> WorkingHours.parse("17:00-09:00"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("17:00-09:00");
        assertThatThrownBy(() -> WorkingHours.parse("9h-17h"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("HH:mm-HH:mm");
    }

    @Test
    void json_roundTripsAndReadsTheDocumentedForm() {
        String json = "{\"zone\":\"Europe/Paris\",\"workingDays\":[\"MONDAY\",\"TUESDAY\","
                + "\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"hours\":[\"09:00-17:00\"],"
                + "\"holidays\":[\"2024-05-20\",\"2025-04-21\"]}";

        assertThat(CsKitJson.write(PARIS_OFFICE)).isEqualTo(json);
        assertThat(CsKitJson.read(json, WorkingCalendar.class)).isEqualTo(PARIS_OFFICE);
    }

    @Test
    void plusWorkingDays_keepsTheTimeOfDayAndSkipsWeekendsAndHolidays() {
        assertThat(PARIS_OFFICE.plusWorkingDays(at("2024-06-14T10:00+02:00"), 1))
                .isEqualTo(at("2024-06-17T10:00+02:00"));
        assertThat(PARIS_OFFICE.plusWorkingDays(at("2025-04-18T10:00+02:00"), 1))
                .isEqualTo(at("2025-04-22T10:00+02:00"));
        assertThat(PARIS_OFFICE.plusWorkingDays(at("2024-06-17T10:00+02:00"), 10))
                .isEqualTo(at("2024-07-01T10:00+02:00"));
    }

    @Test
    void plusWorkingDays_fromOutsideHoursCountsFromTheNextOpening() {
        assertThat(PARIS_OFFICE.plusWorkingDays(at("2024-06-14T18:00+02:00"), 1))
                .isEqualTo(at("2024-06-18T09:00+02:00"));
        assertThat(PARIS_OFFICE.plusWorkingDays(at("2024-06-15T12:00+02:00"), 0))
                .isEqualTo(at("2024-06-17T09:00+02:00"));
    }

    @Test
    void plusWorkingDays_keepsLocalTimeAcrossTheNewYorkSpringForward() {
        WorkingCalendar newYork = WorkingCalendar.builder().zone(NEW_YORK).mondayToFriday()
                .hours("09:00-17:00").build();

        Instant due = newYork.plusWorkingDays(at("2024-03-08T10:00-05:00"), 1);

        assertThat(due).isEqualTo(at("2024-03-11T10:00-04:00"));
    }

    @Test
    void plusWorkingDays_aTimeOfDayInTheGapMovesForward() {
        WorkingCalendar nights = WorkingCalendar.builder().zone(PARIS)
                .workingDays(EnumSet.allOf(DayOfWeek.class))
                .hours("01:00-04:00").build();

        // Saturday 02:30 plus one working day is local Sunday 2025-03-30 02:30, in the gap.
        Instant due = nights.plusWorkingDays(at("2025-03-29T02:30+01:00"), 1);

        assertThat(due).isEqualTo(at("2025-03-30T03:30+02:00"));
    }

    @Test
    void plusWorkingDays_refusesNegativeDays() {
        assertThatThrownBy(() -> PARIS_OFFICE.plusWorkingDays(at("2024-06-17T10:00+02:00"), -1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("workingDays").hasMessageContaining("-1");
    }

    @Test
    void nextOpening_isTheInstantItselfInsideHoursOtherwiseTheNextOpening() {
        assertThat(PARIS_OFFICE.nextOpening(at("2024-06-17T10:00+02:00")))
                .isEqualTo(at("2024-06-17T10:00+02:00"));
        assertThat(PARIS_OFFICE.nextOpening(at("2024-06-17T17:00+02:00")))
                .isEqualTo(at("2024-06-18T09:00+02:00"));
        assertThat(PARIS_OFFICE.nextOpening(at("2025-04-19T10:00+02:00")))
                .isEqualTo(at("2025-04-22T09:00+02:00"));
    }

    @Test
    void alwaysOpen_agreesWithAWholeDayCalendarOnExactTime() {
        WorkingCalendar allDay = WorkingCalendar.builder().zone(PARIS)
                .workingDays(EnumSet.allOf(DayOfWeek.class)).hours("00:00-24:00").build();
        Instant start = at("2024-03-30T12:00+01:00");

        assertThat(allDay.plus(start, hours(30)))
                .isEqualTo(BusinessCalendar.ALWAYS_OPEN.plus(start, hours(30)))
                .isEqualTo(at("2024-03-31T19:00+02:00"));
    }
}
