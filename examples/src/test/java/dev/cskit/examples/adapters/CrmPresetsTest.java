package dev.cskit.examples.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.TenantId;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.imports.ImportReport;
import dev.cskit.core.imports.Importer;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.RecordBatch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CRM presets on the real Salesforce exports and on the hand-written HubSpot samples.
 * Counts and sums on the Salesforce files were computed with Python's csv module
 * ({@code csv.DictReader(open(f, encoding="utf-8-sig"))}), not with cskit.
 */
class CrmPresetsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
            ZoneOffset.UTC);

    @Test
    void salesforceFixtures_matchTheirReadmeAndTheSharedCatalogue() {
        Map<String, String> listed = TestFiles.hashes(
                TestFiles.text("/adapters/salesforce/README.md"));
        Optional<String> catalogue = TestFiles.sharedDataReadme();

        for (String file : Set.of("Account.csv", "Contact.csv")) {
            String actual = TestFiles.sha256(TestFiles.bytes("/adapters/salesforce/" + file));
            assertThat(actual).as(file).isEqualTo(listed.get(file));
            catalogue.ifPresent(text -> assertThat(actual).as(file)
                    .isEqualTo(TestFiles.hashes(text).get("crm/salesforce/" + file)));
        }
    }

    @Test
    void salesforceAccounts_makesOneCustomerPerAccount() {
        RecordBatch batch = read(CrmPresets.salesforceAccounts(), "salesforce/Account.csv");

        assertThat(batch.customers()).hasSize(94);
        assertThat(batch.events()).isEmpty();
        // Python: Industry "Food & Beverage" on 10 rows, 25 rows with an industry.
        assertThat(batch.customers().stream()
                .filter(c -> c.segment().equals(Optional.of("Food & Beverage")))).hasSize(10);
        assertThat(batch.customers().stream().filter(c -> c.segment().isPresent())).hasSize(25);
        // Python: NumberOfEmployees on 24 rows, summing to 1706.
        assertThat(batch.customers().stream()
                .map(c -> c.attributes().get("employees")).filter(e -> e != null)
                .mapToInt(Integer::parseInt).sum()).isEqualTo(1706);
        // Python: BillingCountry "USA" on 84 rows and "United States" on 2.
        Map<String, Long> countries = batch.customers().stream()
                .filter(c -> c.attributes().containsKey("billingCountry"))
                .collect(Collectors.groupingBy(c -> c.attributes().get("billingCountry"),
                        Collectors.counting()));
        assertThat(countries).containsOnly(Map.entry("USA", 84L),
                Map.entry("United States", 2L));
    }

    @Test
    void salesforceAccounts_readsEveryFieldOfOneAccount() {
        Customer apu = customer(read(CrmPresets.salesforceAccounts(), "salesforce/Account.csv"),
                "001Nq00000J1MpfIAF");

        // Line 4 of Account.csv.
        assertThat(apu.name()).isEqualTo("Apu Narasimhaiah");
        assertThat(apu.customerSince()).contains(Instant.parse("2024-07-11T22:14:39Z"));
        assertThat(apu.plan()).isEmpty();
        assertThat(apu.segment()).isEmpty();
        assertThat(apu.attributes()).containsOnly(
                Map.entry("source", "salesforce"),
                Map.entry("billingCity", "Sprungfield"),
                Map.entry("billingState", "OR"),
                Map.entry("billingCountry", "USA"),
                Map.entry("phone", "555-214-7954"),
                Map.entry("owner", "005Nq00000AU6ztIAD"),
                Map.entry("lastModified", "2024-07-11T22:14:39Z"));
    }

    @Test
    void salesforceContacts_makesOneEventPerContactOnItsAccount() {
        RecordBatch accounts = read(CrmPresets.salesforceAccounts(), "salesforce/Account.csv");
        RecordBatch contacts = read(CrmPresets.salesforceContacts(), "salesforce/Contact.csv");

        assertThat(contacts.events()).hasSize(64);
        Set<CustomerId> accountIds = accounts.customers().stream().map(Customer::id)
                .collect(Collectors.toSet());
        // Python: every one of the 64 AccountIds is an Id of Account.csv.
        assertThat(contacts.events()).allSatisfy(e -> {
            assertThat(accountIds).contains(e.customerId());
            assertThat(e.type()).isEqualTo("contact.added");
        });
        // Python: Email on 8 rows, Title on 2.
        assertThat(contacts.events().stream().filter(e -> e.attributes().containsKey("email")))
                .hasSize(8);
        CustomerEvent chuck = contacts.events().stream()
                .filter(e -> e.id().equals("003Nq00000MXh2YIAT")).findFirst().orElseThrow();
        assertThat(chuck.customerId()).isEqualTo(CustomerId.of("001Nq00000J1MwpIAF"));
        assertThat(chuck.occurredAt()).isEqualTo(Instant.parse("2024-07-11T21:22:07Z"));
        assertThat(chuck.attributes()).containsOnly(
                Map.entry("source", "salesforce"),
                Map.entry("name", "Chuck Berns"),
                Map.entry("salutation", "Mr."),
                Map.entry("firstName", "Chuck"),
                Map.entry("lastName", "Berns"),
                Map.entry("phone", "555-426-7424"),
                Map.entry("title", "President"));
    }

    @Test
    void salesforcePresets_importIntoAStoreOnceOnly() {
        InMemoryStore store = new InMemoryStore();
        Importer accounts = Importer.of(CrmPresets.salesforceAccounts(), CLOCK);
        Importer contacts = Importer.of(CrmPresets.salesforceContacts(), CLOCK);

        accounts.importInto(store, input("salesforce/Account.csv"), "Account.csv");
        ImportReport first = contacts.importInto(store, input("salesforce/Contact.csv"),
                "Contact.csv");
        ImportReport second = contacts.importInto(store, input("salesforce/Contact.csv"),
                "Contact.csv");

        assertThat(store.customers().count(TenantId.DEFAULT)).isEqualTo(94);
        assertThat(first.newEvents()).isEqualTo(64);
        assertThat(second.newEvents()).isZero();
        assertThat(store.events().forCustomer(TenantId.DEFAULT,
                CustomerId.of("001Nq00000J1MwpIAF"))).extracting(e -> e.event().id())
                .containsExactly("003Nq00000MXh2YIAT");
    }

    @Test
    void hubspotCompanies_makesOneCustomerPerCompany() {
        RecordBatch batch = read(CrmPresets.hubspotCompanies(), "hubspot/companies.csv");

        assertThat(batch.customers()).extracting(c -> c.id().value())
                .containsExactly("18562201503", "18562201504", "18562201505");
        Customer northwind = batch.customers().get(0);
        assertThat(northwind.name()).isEqualTo("Northwind Traders, Inc.");
        assertThat(northwind.plan()).contains("Partner");
        assertThat(northwind.segment()).contains("Food & Beverage");
        assertThat(northwind.customerSince()).contains(Instant.parse("2023-02-14T09:26:00Z"));
        assertThat(northwind.attributes()).containsOnly(
                Map.entry("source", "hubspot"),
                Map.entry("domain", "northwind.example"),
                Map.entry("lifecycleStage", "Customer"),
                Map.entry("employees", "120"),
                Map.entry("annualRevenue", "4500000.50"),
                Map.entry("city", "Seattle"),
                Map.entry("country", "United States"),
                Map.entry("phone", "+1 206 555 0100"),
                Map.entry("owner", "Ana Ortiz"),
                Map.entry("lastActivity", "2024-05-02T16:45:00Z"));
        Customer globex = batch.customers().get(1);
        assertThat(globex.plan()).isEmpty();
        assertThat(globex.attributes()).doesNotContainKeys("annualRevenue", "phone",
                "lastActivity");
    }

    @Test
    void hubspotContacts_makesOneEventPerContactOnItsCompany() {
        RecordBatch batch = read(CrmPresets.hubspotContacts(), "hubspot/contacts.csv");

        assertThat(batch.events()).extracting(CustomerEvent::id)
                .containsExactly("51", "52", "53", "54");
        CustomerEvent maria = batch.events().get(0);
        assertThat(maria.type()).isEqualTo("contact.added");
        assertThat(maria.customerId()).isEqualTo(CustomerId.of("18562201503"));
        assertThat(maria.occurredAt()).isEqualTo(Instant.parse("2023-02-14T09:40:00Z"));
        assertThat(maria.attributes()).containsEntry("title", "Head of Operations, EMEA")
                .containsEntry("email", "maria.anders@northwind.example")
                .containsEntry("company", "Northwind Traders, Inc.");
        assertThat(batch.events().stream()
                .filter(e -> e.customerId().equals(CustomerId.of("18562201503")))).hasSize(2);
    }

    @Test
    void hubspotContacts_contactWithoutCompanyIsABadRowNamingTheColumn() {
        String csv = "Record ID,First Name,Last Name,Email,Phone Number,Job Title,"
                + "Lifecycle Stage,Contact owner,Create Date,Associated Company ID,Company Name\n"
                + "60,Ada,Byron,ada@example.org,,,Lead,Sam Lee,2024-02-01 10:00,,\n";
        InMemoryStore store = new InMemoryStore();

        assertThatThrownBy(() -> Importer.of(CrmPresets.hubspotContacts(), CLOCK).importInto(
                store, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "contacts.csv"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    InvalidInputException.Problem problem = e.problems().get(0);
                    assertThat(problem.field()).isEqualTo("Associated Company ID");
                    assertThat(problem.location()).hasValueSatisfying(
                            where -> assertThat(where.line()).isEqualTo(2));
                });
        assertThat(store.events().withStatus(TenantId.DEFAULT,
                dev.cskit.core.store.EventStatus.RECEIVED, 10)).isEmpty();
    }

    @Test
    void byName_findsEveryPresetAndNothingElse() {
        assertThat(CrmPresets.names()).containsExactly("hubspot-companies", "hubspot-contacts",
                "salesforce-accounts", "salesforce-contacts");
        assertThat(CrmPresets.byName("Salesforce-Accounts")).contains(
                CrmPresets.salesforceAccounts());
        assertThat(CrmPresets.byName("pipedrive-deals")).isEmpty();
        assertThat(CrmPresets.byName(null)).isEmpty();
    }

    private static RecordBatch read(ImportMapping mapping, String resource) {
        return Importer.of(mapping, CLOCK).read(input(resource), resource);
    }

    private static ByteArrayInputStream input(String resource) {
        return new ByteArrayInputStream(TestFiles.bytes("/adapters/" + resource));
    }

    private static Customer customer(RecordBatch batch, String id) {
        return batch.customers().stream().filter(c -> c.id().value().equals(id)).findFirst()
                .orElseThrow();
    }
}
