package dev.cskit.kpi;

import static dev.cskit.kpi.Terms.term;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortsTest {

    private static Instant at(String day) {
        return Instant.parse(day + "T00:00:00Z");
    }

    /**
     * Worked by hand. January cohort: a ($100 from 10 Jan, open), b ($50 from 20 Jan to
     * 15 Feb), c ($30 from 5 Jan to 25 Jan): size 3, first MRR 180.
     * End of Jan: a, b paying: 2/3, MRR 150/180. End of Feb: a: 1/3, 100/180. End of Mar: same.
     * February cohort: d ($40 from 3 Feb, $80 from 10 Mar): 1/1 and 40/40, then 1/1 and 80/40.
     * March cohort: empty, its cell undefined.
     * Weighted averages: month 0: (2 + 1) / (3 + 1) and (150 + 40) / (180 + 40); month 1:
     * (1 + 1) / 4 and (100 + 80) / 220; month 2: 1/3 and 100/180.
     */
    @Test
    void retention_logoAndRevenueTriangles() {
        SubscriptionHistories histories = SubscriptionHistories.of(List.of(
                term("a", "a", 100, at("2024-01-10"), null),
                term("b", "b", 50, at("2024-01-20"), at("2024-02-15")),
                term("c", "c", 30, at("2024-01-05"), at("2024-01-25")),
                term("d", "d", 40, at("2024-02-03"), at("2024-03-10")),
                term("d", "d", 80, at("2024-03-10"), null)));

        Cohorts.CohortRetention cohorts = Cohorts.retention(histories, YearMonth.of(2024, 1),
                YearMonth.of(2024, 3), ZoneOffset.UTC, ChurnPolicy.STANDARD);

        RetentionMatrix logo = cohorts.logo();
        assertThat(logo.rows().get(0).cells()).containsExactly(Ratio.of(2, 3, "-"),
                Ratio.of(1, 3, "-"), Ratio.of(1, 3, "-"));
        assertThat(logo.rows().get(1).cells()).containsExactly(Ratio.of(1, 1, "-"),
                Ratio.of(1, 1, "-"));
        assertThat(logo.rows().get(2).cells().get(0).isDefined()).isFalse();
        assertThat(logo.weightedAverages()).containsExactly(Ratio.of(3, 4, "-"),
                Ratio.of(2, 4, "-"), Ratio.of(1, 3, "-"));

        RetentionMatrix revenue = cohorts.revenue();
        assertThat(revenue.rows().get(0).cells()).containsExactly(Ratio.of(150, 180, "-"),
                Ratio.of(100, 180, "-"), Ratio.of(100, 180, "-"));
        assertThat(revenue.rows().get(1).cells()).containsExactly(Ratio.of(40, 40, "-"),
                Ratio.of(80, 40, "-"));
        assertThat(revenue.weightedAverages()).containsExactly(Ratio.of(190, 220, "-"),
                Ratio.of(180, 220, "-"), Ratio.of(100, 180, "-"));
    }
}
