package dev.cskit.kpi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the derived link between the CDNOW sample and master files (see the README). */
class CdnowDataTest {

    @Test
    void summaries_cdnowSample_hasThePaperCounts() {
        List<PurchaseSummary> summaries = CdnowData.summaries();

        assertThat(summaries).hasSize(2357);
        assertThat(summaries.stream().filter(s -> s.frequency() > 0)).hasSize(946);
    }

    @Test
    void repeatBuyers_linkedMasterCustomers_reproduceTheSampleSummary() {
        List<PurchaseSummary> summaries = CdnowData.summaries();
        List<CdnowData.RepeatBuyer> buyers = CdnowData.repeatBuyers();

        // The summary file rounds times to 0.01 week, so agreement within 0.005 is exact.
        assertThat(buyers).hasSize(946);
        for (CdnowData.RepeatBuyer buyer : buyers) {
            PurchaseSummary sample = summaries.get(buyer.sampleId() - 1);
            assertThat(buyer.frequency()).as("x of sample id %d", buyer.sampleId())
                    .isEqualTo(sample.frequency());
            assertThat(buyer.recency()).as("t_x of sample id %d", buyer.sampleId())
                    .isCloseTo(sample.recency(), within(0.005));
            assertThat(buyer.age()).as("T of sample id %d", buyer.sampleId())
                    .isCloseTo(sample.age(), within(0.005));
        }
    }

    @Test
    void repeatBuyers_meanValues_matchFaderHardieSpotChecks() {
        Map<Integer, CdnowData.RepeatBuyer> bySample = CdnowData.repeatBuyers().stream()
                .collect(Collectors.toMap(CdnowData.RepeatBuyer::sampleId, Function.identity()));

        // zbar published in lifetimes' cdnow_customers_summary_with_transactions.csv, to 0.01.
        assertThat(bySample.get(1).averageValue()).isCloseTo(22.35, within(0.0051));
        assertThat(bySample.get(6).averageValue()).isCloseTo(73.74, within(0.0051));
        assertThat(bySample.get(26).averageValue()).isCloseTo(227.14, within(0.0051));
        assertThat(bySample.get(157).averageValue()).isCloseTo(26.26, within(0.0051));
        assertThat(bySample.get(1901).averageValue()).isCloseTo(299.63, within(0.0051));
        assertThat(bySample.get(2356).averageValue()).isCloseTo(33.32, within(0.0051));
    }
}
