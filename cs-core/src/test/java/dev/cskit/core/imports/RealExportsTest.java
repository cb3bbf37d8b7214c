package dev.cskit.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.Money;
import dev.cskit.core.Subscription;
import dev.cskit.core.store.RecordBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Imports of the real Salesforce and IBM Telco exports. Every expected value was read from the
 * files by hand or counted with a second tool (awk, Python's csv module), as noted.
 */
class RealExportsTest {

    /** SHA-256 values as published beside the shared data (data/README.md). */
    @ParameterizedTest
    @CsvSource({
        "Account.csv, 3caba1939e6db08f446a299eb318a433032dc224463c6ce1f1b1af1f066bea84",
        "Contact.csv, b0aa146535894d0b1a50fb4de0521266006c26d14c5ef7abf057be968c4697d2",
        "Telco-Customer-Churn.csv, "
                + "16320c9c1ec72448db59aa0a26a0b95401046bef5d02fd3aeb906448e3055e91"})
    void fixture_isUntouchedCopy(String name, String sha256)
            throws IOException, NoSuchAlgorithmException {
        byte[] bytes = Files.readAllBytes(Fixtures.file(name));

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);

        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
    }

    @Test
    void salesforceAccount_startsWithByteOrderMarkBeforeFirstHeader() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.file("Account.csv"));

        assertThat(new byte[] {bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]})
                .containsExactly(0xEF, 0xBB, 0xBF, 'I', 'd');
    }

    @Test
    void salesforceAccount_importsEveryAccountAsCustomer() {
        RecordBatch batch = importer("salesforce-account.yaml").read(Fixtures.file("Account.csv"));

        // 94 data lines (95 lines minus the header, no multi-line cells), counted with wc -l
        // and Python's csv module; the first header "Id" is found only with the BOM stripped.
        assertThat(batch.customers()).hasSize(94);
        assertThat(batch.subscriptions()).isEmpty();
        Customer first = batch.customers().get(0);
        assertThat(first.id()).isEqualTo(CustomerId.of("001Nq00000HwuT4IAJ"));
        assertThat(first.name()).isEqualTo("Sample Account for Entitlements");
        // 2024-06-23T08:41:04.000+0000: offset without colon, zero offset, millis .000
        assertThat(first.customerSince()).contains(Instant.parse("2024-06-23T08:41:04Z"));
        assertThat(first.attributes()).doesNotContainKeys("billingAddress", "employees");
    }

    @Test
    void salesforceAccount_keepsJsonCellAndReadsPointersIntoIt() {
        Customer dana = customer(importer("salesforce-account.yaml")
                .read(Fixtures.file("Account.csv")), "001Nq00000J1MpnIAF");

        assertThat(dana.name()).isEqualTo("Dana Testperson");
        // the quoted cell on line 12 of Account.csv, holding commas and doubled quotes
        assertThat(dana.attributes()).containsEntry("billingAddress", "{\"city\":\"San Francisco"
                + "\",\"country\":\"United States\",\"geocodeAccuracy\":null,\"latitude\":null,"
                + "\"longitude\":null,\"postalCode\":\"94133\",\"state\":\"CA\",\"street\":"
                + "\"100 Example Street\"}");
        assertThat(dana.attributes()).containsEntry("billingCity", "San Francisco")
                .containsEntry("billingPostalCode", "94133")
                .containsEntry("phone", "5550100199");
        assertThat(dana.segment()).isEmpty();
    }

    @Test
    void salesforceAccount_readsApostropheNamesNumbersAndSegments() {
        RecordBatch batch = importer("salesforce-account.yaml").read(Fixtures.file("Account.csv"));

        Customer bowling = customer(batch, "001Nq00000J1MpiIAF");
        assertThat(bowling.name()).isEqualTo("Barney's Family Bowling");
        assertThat(bowling.segment()).contains("Entertainment");
        assertThat(bowling.attributes()).containsEntry("employees", "5")
                .containsEntry("lastModified", "2024-07-11T22:14:39Z");
        Customer partner = customer(batch, "001Nq00000J1MwbIAF");
        assertThat(partner.plan()).contains("Installation Partner");
        // Industry counted with Python's csv module: 10 x Food & Beverage, 86 addresses
        assertThat(batch.customers().stream()
                .filter(c -> c.segment().equals(java.util.Optional.of("Food & Beverage"))))
                .hasSize(10);
        assertThat(batch.customers().stream()
                .filter(c -> c.attributes().containsKey("billingAddress"))).hasSize(86);
    }

    @Test
    void salesforceContact_importsContactsAsEventsOfTheirAccount() {
        RecordBatch batch = importer("salesforce-contact.json").read(Fixtures.file("Contact.csv"));

        assertThat(batch.events()).hasSize(64);
        CustomerEvent homer = batch.events().get(0);
        assertThat(homer.id()).isEqualTo("003Nq00000MXh2CIAT");
        assertThat(homer.type()).isEqualTo("contact.created");
        assertThat(homer.customerId()).isEqualTo(CustomerId.of("001Nq00000J1MwbIAF"));
        assertThat(homer.occurredAt()).isEqualTo(Instant.parse("2024-07-11T21:22:07Z"));
        assertThat(homer.attributes()).containsEntry("name", "Homer Sampson")
                .containsEntry("email", "shomer@example.com")
                .doesNotContainKey("title");
        // CreatedDate counted with Python: 32 at 21:22:07 and 32 at 22:14:41 (+0000)
        Map<Instant, Long> byInstant = batch.events().stream().collect(Collectors.groupingBy(
                CustomerEvent::occurredAt, Collectors.counting()));
        assertThat(byInstant).containsOnly(
                Map.entry(Instant.parse("2024-07-11T21:22:07Z"), 32L),
                Map.entry(Instant.parse("2024-07-11T22:14:41Z"), 32L));
    }

    @Test
    void telco_makesCustomerAndSubscriptionPerRow() {
        RecordBatch batch = importer("telco.yaml").read(Fixtures.file("Telco-Customer-Churn.csv"));

        assertThat(batch.customers().size()).isEqualTo(7043);
        assertThat(batch.subscriptions().size()).isEqualTo(7043);
        // Churn=Yes counted twice: awk -F, '$21=="Yes"' and Python's csv module both give 1869
        assertThat(batch.customers().stream().filter(c -> c.stage() == LifecycleStage.CHURNED))
                .hasSize(1869);
        assertThat(batch.customers().stream().filter(c -> c.stage() == LifecycleStage.ACTIVE))
                .hasSize(7043 - 1869);
        // Contract counted with Python: 3875 month-to-month, 1473 one year, 1695 two year
        Map<String, Long> plans = batch.subscriptions().stream().collect(Collectors.groupingBy(
                Subscription::plan, Collectors.counting()));
        assertThat(plans).containsOnly(Map.entry("month-to-month", 3875L),
                Map.entry("one-year", 1473L), Map.entry("two-year", 1695L));
    }

    @Test
    void telco_totalMonthlyRevenueMatchesSecondSum() {
        RecordBatch batch = importer("telco.yaml").read(Fixtures.file("Telco-Customer-Churn.csv"));

        Money total = batch.subscriptions().stream().map(Subscription::mrr)
                .reduce(Money::plus).orElseThrow();

        // awk -F, 'NR>1{s+=$19}' and Python's Decimal sum of MonthlyCharges: 456116.60
        assertThat(total).isEqualTo(Money.parse("456116.60", "USD"));
    }

    @Test
    void telco_derivesStartFromTenureAndKeepsCharges() {
        RecordBatch batch = importer("telco.yaml").read(Fixtures.file("Telco-Customer-Churn.csv"));
        Map<String, Subscription> terms = batch.subscriptions().stream()
                .collect(Collectors.toMap(Subscription::id, Function.identity()));

        // line 2: 7590-VHVEG, tenure 1, Month-to-month, 29.85, TotalCharges 29.85, Churn No
        Subscription first = terms.get("7590-VHVEG");
        assertThat(first.start()).isEqualTo(Instant.parse("2018-01-01T00:00:00Z"));
        assertThat(first.unitPrice()).isEqualTo(Money.ofMinor(2985, "USD"));
        assertThat(first.plan()).isEqualTo("month-to-month");
        Customer firstCustomer = customer(batch, "7590-VHVEG");
        assertThat(firstCustomer.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(firstCustomer.customerSince()).contains(first.start());
        assertThat(firstCustomer.attributes()).containsEntry("gender", "Female")
                .containsEntry("seniorCitizen", "No").containsEntry("totalCharges", "29.85");
        // line 3: 5575-GNVDE, tenure 34: 2018-02 minus 34 months is 2015-04
        assertThat(terms.get("5575-GNVDE").start())
                .isEqualTo(Instant.parse("2015-04-01T00:00:00Z"));
        assertThat(customer(batch, "5575-GNVDE").attributes())
                .containsEntry("totalCharges", "1889.5");
    }

    @Test
    void telco_blankTotalChargesLeavesAttributeOut() {
        RecordBatch batch = importer("telco.yaml").read(Fixtures.file("Telco-Customer-Churn.csv"));

        // line 490: 4472-LVYGI, tenure 0, Two year, 52.55, TotalCharges " " (one space)
        Customer blank = customer(batch, "4472-LVYGI");
        assertThat(blank.attributes()).doesNotContainKey("totalCharges")
                .containsEntry("tenureMonths", "0");
        Subscription term = batch.subscriptions().stream()
                .filter(s -> s.id().equals("4472-LVYGI")).findFirst().orElseThrow();
        assertThat(term.start()).isEqualTo(Instant.parse("2018-02-01T00:00:00Z"));
        assertThat(term.unitPrice()).isEqualTo(Money.parse("52.55", "USD"));
        assertThat(term.plan()).isEqualTo("two-year");
        // awk -F, '$20==" "' counts 11 blank TotalCharges
        List<Customer> withoutTotal = batch.customers().stream()
                .filter(c -> !c.attributes().containsKey("totalCharges"))
                .collect(Collectors.toList());
        assertThat(withoutTotal).hasSize(11)
                .allSatisfy(c -> assertThat(c.attributes()).containsEntry("tenureMonths", "0"));
    }

    @Test
    void international_readsAccentsQuotesLineBreaksAndJsonCells() {
        ImportMapping mapping = Fixtures.yaml(String.join("\n",
                "timeZone: Europe/Paris",
                "customer:",
                "  id: id",
                "  name: name",
                "  customerSince: since",
                "  attributes: [city, note]"));

        RecordBatch batch = Importer.of(mapping, Fixtures.CLOCK)
                .read(Fixtures.file("international.csv"));

        assertThat(batch.customers()).extracting(Customer::name)
                .containsExactly("José Núñez", "Ærøskøbing Ølhus", "Dvořák, Antonín");
        Customer jose = batch.customers().get(0);
        assertThat(jose.attributes()).containsEntry("city", "Zürich, CH")
                .containsEntry("note", "said \"hi\"\r\nthen left");
        // +0100 written without colon; 09:30 at +01:00 is 08:30Z
        assertThat(jose.customerSince()).contains(Instant.parse("2024-03-01T08:30:00Z"));
        // a date without time is the start of the day in the mapping's zone (CET, +01:00)
        assertThat(batch.customers().get(1).customerSince())
                .contains(Instant.parse("2024-03-01T23:00:00Z"));
        assertThat(batch.customers().get(2).attributes())
                .containsEntry("note", "{\"lang\":\"cs\",\"tags\":[\"a\",\"b\"]}");
    }

    private static Importer importer(String mapping) {
        return Importer.of(Fixtures.mapping(mapping), Fixtures.CLOCK);
    }

    private static Customer customer(RecordBatch batch, String id) {
        return batch.customers().stream().filter(c -> c.id().value().equals(id)).findFirst()
                .orElseThrow();
    }
}
