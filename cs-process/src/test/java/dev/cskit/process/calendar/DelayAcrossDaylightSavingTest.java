package dev.cskit.process.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.process.Delay;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Calendar delays ({@code P1D}) versus exact delays ({@code PT24H}) across the 2024 and 2025
 * daylight-saving changes of Europe/Paris (last Sundays of March and October, at 01:00 UTC)
 * and America/New_York (second Sunday of March, first Sunday of November, at 02:00 local).
 * Expected instants are worked out by hand from those offsets.
 */
class DelayAcrossDaylightSavingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Delay ONE_DAY = Delay.parse("P1D");
    private static final Delay DAY_OF_HOURS = Delay.parse("PT24H");

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void addTo_oneCalendarDayAcrossParisSpringForwardIs23Hours() {
        Instant start = at("2024-03-30T12:00+01:00");

        Instant due = ONE_DAY.addTo(start, PARIS);

        assertThat(due).isEqualTo(at("2024-03-31T12:00+02:00"));
        assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(23));
        assertThat(DAY_OF_HOURS.addTo(start, PARIS)).isEqualTo(at("2024-03-31T13:00+02:00"));
    }

    @Test
    void addTo_oneCalendarDayAcrossParisFallBackIs25Hours() {
        Instant start = at("2024-10-26T12:00+02:00");

        Instant due = ONE_DAY.addTo(start, PARIS);

        assertThat(due).isEqualTo(at("2024-10-27T12:00+01:00"));
        assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(25));
        assertThat(DAY_OF_HOURS.addTo(start, PARIS)).isEqualTo(at("2024-10-27T11:00+01:00"));
    }

    @Test
    void addTo_newYork2025ChangesByKindOfDelay() {
        Instant march = at("2025-03-08T09:00-05:00");
        Instant november = at("2025-11-01T09:00-04:00");

        assertThat(ONE_DAY.addTo(march, NEW_YORK)).isEqualTo(at("2025-03-09T09:00-04:00"));
        assertThat(DAY_OF_HOURS.addTo(march, NEW_YORK)).isEqualTo(at("2025-03-09T10:00-04:00"));
        assertThat(ONE_DAY.addTo(november, NEW_YORK)).isEqualTo(at("2025-11-02T09:00-05:00"));
        assertThat(DAY_OF_HOURS.addTo(november, NEW_YORK))
                .isEqualTo(at("2025-11-02T08:00-05:00"));
    }

    @Test
    void addTo_aCalendarDayLandingInTheParisGapMovesForwardByTheGap() {
        // Local 2025-03-30 02:30 never happens in Paris: it becomes 03:30+02:00 (01:30Z).
        Instant due = ONE_DAY.addTo(at("2025-03-29T02:30+01:00"), PARIS);

        assertThat(due).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void addTo_aCalendarDayLandingInTheNewYorkGapMovesForwardByTheGap() {
        // Local 2024-03-10 02:30 never happens in New York: it becomes 03:30-04:00 (07:30Z).
        Instant due = ONE_DAY.addTo(at("2024-03-09T02:30-05:00"), NEW_YORK);

        assertThat(due).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
    }

    @Test
    void addTo_aCalendarDayLandingInTheParisOverlapTakesTheEarlierOffset() {
        // Local 2024-10-27 02:30 happens twice; the first, at +02:00 (00:30Z), is the due time.
        Instant due = ONE_DAY.addTo(at("2024-10-26T02:30+02:00"), PARIS);

        assertThat(due).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    }
}
