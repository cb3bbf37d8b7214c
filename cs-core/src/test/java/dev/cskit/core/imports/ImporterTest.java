package dev.cskit.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cskit.core.BillingInterval;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.Money;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.TenantId;
import dev.cskit.core.store.InMemoryStore;
import dev.cskit.core.store.RecordBatch;
import dev.cskit.core.store.Store;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad rows, report mode, the store write, and the input shapes other than the real files. */
class ImporterTest {

    private static final String TELCO = "Telco-Customer-Churn.csv";

    private final Store store = new InMemoryStore();

    @Test
    void importInto_badNumberFailsWholeImportNamingTheCell() {
        // line 100 of the Telco file, column 19 is MonthlyCharges
        String text = replaceCell(Fixtures.text(TELCO), 100, 19, "12.3.4");

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> telco().importInto(store, Fixtures.stream(text), "telco.csv"));

        assertThat(failure.problems()).hasSize(1);
        Problem problem = failure.problems().get(0);
        assertThat(problem.location()).contains(new Location("telco.csv", 100, 19));
        assertThat(problem.field()).isEqualTo("MonthlyCharges");
        assertThat(problem.value()).isEqualTo("12.3.4");
        assertThat(problem.rule()).contains("must be a decimal number")
                .contains("subscription.unitPrice");
        assertStoreEmpty();
    }

    @Test
    void importIfClean_reportsEveryBadRowInFileOrderAndStoresNothing() {
        String text = replaceCell(replaceCell(Fixtures.text(TELCO), 7000, 20, "abc"), 50, 6,
                "x");

        ImportReport report = telco().importIfClean(store, Fixtures.stream(text), "telco.csv");

        assertThat(report.stored()).isFalse();
        assertThat(report.rows()).isEqualTo(7043);
        assertThat(report.problems()).extracting(Problem::location).containsExactly(
                Optional.of(new Location("telco.csv", 50, 6)),
                Optional.of(new Location("telco.csv", 7000, 20)));
        // tenure feeds both derived instants: customerSince and subscription.start
        assertThat(report.problems()).extracting(Problem::field)
                .containsExactly("tenure", "TotalCharges");
        assertThat(report.problems().get(0).rule()).contains("whole number of months");
        assertThat(report.problems().get(1).rule()).contains("must be a decimal number");
        // the two bad rows make no records; the other 7041 are kept for inspection only
        assertThat(report.batch().customers().size()).isEqualTo(7041);
        assertStoreEmpty();
        assertThatThrownBy(report::throwIfProblems).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2 problems");
    }

    @Test
    void importIfClean_storesCleanFileInOneBatch() {
        ImportReport report = telco().importIfClean(store, Fixtures.file(TELCO));

        assertThat(report.stored()).isTrue();
        assertThat(report.isClean()).isTrue();
        assertThat(store.customers().count(TenantId.DEFAULT)).isEqualTo(7043);
        assertThat(store.subscriptions().list(TenantId.DEFAULT)).hasSize(7043);
    }

    @Test
    void importInto_eventsAreRecordedOnceAcrossImports() {
        Importer contacts = Importer.of(Fixtures.mapping("salesforce-contact.json"),
                Fixtures.CLOCK);

        ImportReport first = contacts.importInto(store, Fixtures.file("Contact.csv"));
        ImportReport second = contacts.importInto(store, Fixtures.file("Contact.csv"));

        assertThat(first.newEvents()).isEqualTo(64);
        assertThat(second.newEvents()).isZero();
        assertThat(first.toString()).isEqualTo("ImportReport{source=" + first.source()
                + ", rows=64, records=64, problems=0, stored=true, newEvents=64}");
        assertThat(store.events().find(TenantId.DEFAULT, "003Nq00000MXh2CIAT")).isPresent();
    }

    @Test
    void check_storesNothingEvenWhenClean() {
        ImportReport report = telco().check(Fixtures.file(TELCO));

        assertThat(report.isClean()).isTrue();
        assertThat(report.stored()).isFalse();
        assertThat(report.batch().customers()).hasSize(7043);
    }

    @Test
    void read_reportsRecordStartLineWhenEarlierCellSpansLines() {
        // international.csv: record c-1 spans lines 2 and 3, so c-2 starts on line 4
        String text = Fixtures.text("international.csv").replace("2024-03-02", "2024-02-30");
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: name, customerSince: since}"), Fixtures.CLOCK);

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> importer.read(Fixtures.stream(text), "international.csv"));

        Problem problem = failure.problems().get(0);
        assertThat(problem.location()).contains(new Location("international.csv", 4, 5));
        assertThat(problem.field()).isEqualTo("since");
        assertThat(problem.value()).isEqualTo("2024-02-30");
        assertThat(problem.rule()).contains("ISO-8601");
    }

    @Test
    void read_byteOrderMarkChangesNothing() {
        String text = Fixtures.text("international.csv");
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: name, attributes: [city, note]}"), Fixtures.CLOCK);

        RecordBatch plain = importer.read(Fixtures.stream(text), "plain");
        RecordBatch marked = importer.read(Fixtures.stream("\uFEFF" + text), "marked");

        assertThat(marked).isEqualTo(plain);
        assertThat(plain.customers()).hasSize(3);
    }

    @Test
    void read_untranslatableValueNamesTheKnownOnes() {
        String text = replaceCell(Fixtures.text(TELCO), 2, 21, "Maybe");

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> telco().read(Fixtures.stream(text), "telco.csv"));

        Problem problem = failure.problems().get(0);
        assertThat(problem.field()).isEqualTo("Churn");
        assertThat(problem.value()).isEqualTo("Maybe");
        assertThat(problem.rule()).startsWith("must be one of [Yes, No]");
        assertThat(problem.location()).contains(new Location("telco.csv", 2, 21));
    }

    @Test
    void read_blankRequiredCellWithoutDefaultIsRefused() {
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: name}"), Fixtures.CLOCK);

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> importer.read(Fixtures.stream("id,name\na,Ann\nb,  \n"), "x.csv"));

        Problem problem = failure.problems().get(0);
        assertThat(problem.location()).contains(new Location("x.csv", 3, 2));
        assertThat(problem.field()).isEqualTo("name");
        assertThat(problem.rule()).contains("is required for customer.name");
    }

    @Test
    void read_blankCellTakesDefault() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "customer:",
                "  id: id",
                "  name: {column: name, default: unnamed}",
                "  stage: {column: state, default: ACTIVE, translate: {gone: CHURNED}}")),
                Fixtures.CLOCK);

        RecordBatch batch = importer.read(Fixtures.stream("id,name,state\na,,\nb,Bo,gone\n"),
                "x.csv");

        assertThat(batch.customers()).extracting(c -> c.name() + "/" + c.stage())
                .containsExactly("unnamed/ACTIVE", "Bo/CHURNED");
    }

    @Test
    void read_columnMissingFromHeaderFailsBeforeAnyRow() {
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: fullName}"), Fixtures.CLOCK);

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> importer.read(Fixtures.stream("id,name\na,Ann\n"), "x.csv"));

        Problem problem = failure.problems().get(0);
        assertThat(problem.field()).isEqualTo("fullName");
        assertThat(problem.location()).contains(new Location("x.csv", 1, 0));
        assertThat(problem.rule()).contains("not a column of the file").contains("[id, name]");
    }

    @Test
    void check_duplicateIdNamesTheFirstLine() {
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: name}"), Fixtures.CLOCK);

        ImportReport report = importer.check(Fixtures.stream("id,name\na,Ann\nb,Bo\na,Al\n"),
                "x.csv");

        assertThat(report.problems()).hasSize(1);
        Problem problem = report.problems().get(0);
        assertThat(problem.location()).contains(new Location("x.csv", 4, 1));
        assertThat(problem.value()).isEqualTo("a");
        assertThat(problem.rule()).contains("first seen on line 2");
    }

    @Test
    void check_malformedRecordsAreReportedAndReadingGoesOn() {
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: name}"), Fixtures.CLOCK);
        String text = "id,name\na,Ann\nb,Bo,extra\nc\nd,\"Di\"x\ne,Ed\n";

        ImportReport report = importer.check(Fixtures.stream(text), "x.csv");

        assertThat(report.problems()).extracting(p -> p.location().orElseThrow().line())
                .containsExactly(3L, 4L, 5L);
        assertThat(report.problems().get(0).rule()).contains("Too many entries");
        assertThat(report.problems().get(1).field()).isEqualTo("name");
        assertThat(report.problems().get(1).rule()).contains("is missing");
        assertThat(report.batch().customers()).extracting(c -> c.id().value())
                .containsExactly("a", "e");
    }

    @Test
    void check_bytesThatAreNotUtf8AreReported() {
        byte[] bytes = {'i', 'd', ',', 'n', 'a', 'm', 'e', '\n', 'a', ',', (byte) 0xC3, '(',
            '\n'};
        Importer importer = Importer.of(Fixtures.yaml(
                "customer: {id: id, name: name}"), Fixtures.CLOCK);

        ImportReport report = importer.check(new ByteArrayInputStream(bytes), "x.csv");

        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.rule()).startsWith("must be UTF-8 text"));
    }

    @Test
    void read_contractTranslatesToBillingInterval() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "currency: EUR",
                "subscription:",
                "  id: id",
                "  customerId: id",
                "  plan: {constant: basic}",
                "  unitPrice: price",
                "  start: {constant: '2024-01-01'}",
                "  interval:",
                "    column: Contract",
                "    translate: {Month-to-month: MONTH, One year: YEAR, Two year: \"2 YEAR\"}")),
                Fixtures.CLOCK);
        String text = "id,Contract,price\na,Month-to-month,10\nb,One year,120\nc,Two year,240\n";

        RecordBatch batch = importer.read(Fixtures.stream(text), "x.csv");

        assertThat(batch.subscriptions()).extracting(s -> s.interval()).containsExactly(
                BillingInterval.MONTHLY, BillingInterval.YEARLY,
                BillingInterval.every(2, BillingInterval.Unit.YEAR));
        // 10/month, 120/year = 10/month, 240 every two years = 10/month
        assertThat(batch.subscriptions()).extracting(s -> s.mrr())
                .containsOnly(Money.parse("10.00", "EUR"));
        assertThat(batch.subscriptions().get(0).start())
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void read_surveyScoreOffTheScaleNamesTheScale() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "survey:",
                "  id: id",
                "  customerId: customer",
                "  kind: {constant: NPS}",
                "  score: score",
                "  answeredAt: at")), Fixtures.CLOCK);
        String text = "id,customer,score,at\ns1,a,9,2024-05-01T10:00:00Z\n"
                + "s2,a,11,2024-05-01T10:00:00Z\ns3,a,7.5,2024-05-01T10:00:00Z\n";

        ImportReport report = importer.check(Fixtures.stream(text), "nps.csv");

        assertThat(report.problems()).extracting(Problem::location).containsExactly(
                Optional.of(new Location("nps.csv", 3, 3)),
                Optional.of(new Location("nps.csv", 4, 3)));
        assertThat(report.problems()).extracting(Problem::value).containsExactly("11", "7.5");
        assertThat(report.problems().get(0).rule()).contains("NPS scale 0-10");
        assertThat(report.batch().surveys()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SurveyKind.NPS);
            assertThat(s.score()).isEqualTo(9);
        });
    }

    @Test
    void read_jsonArrayByNameAndPointer() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "format: json",
                "currency: USD",
                "subscription:",
                "  id: id",
                "  customerId: /customer/id",
                "  plan: /plan/name",
                "  seats: quantity",
                "  unitPrice: /plan/amount",
                "  start: created")), Fixtures.CLOCK);
        String json = "[\n {\"id\": \"sub_1\", \"customer\": {\"id\": \"cus_9\"},"
                + " \"plan\": {\"name\": \"pro\", \"amount\": 19.90}, \"quantity\": 3,"
                + " \"created\": \"2024-02-03T04:05:06+0000\"}\n]";

        RecordBatch batch = importer.read(Fixtures.stream(json), "subs.json");

        assertThat(batch.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.customerId().value()).isEqualTo("cus_9");
            assertThat(s.plan()).isEqualTo("pro");
            assertThat(s.seats()).isEqualTo(3);
            assertThat(s.unitPrice()).isEqualTo(Money.ofMinor(1990, "USD"));
            assertThat(s.mrr()).isEqualTo(Money.ofMinor(5970, "USD"));
            assertThat(s.start()).isEqualTo(Instant.parse("2024-02-03T04:05:06Z"));
        });
    }

    @Test
    void read_jsonLinesLocatesTheBadRecord() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "format: json",
                "event: {id: id, type: type, customerId: customer, occurredAt: at}")),
                Fixtures.CLOCK);
        String lines = "{\"id\":\"e1\",\"type\":\"login\",\"customer\":\"a\","
                + "\"at\":\"2024-01-01\"}\n"
                + "{\"id\":\"e2\",\"type\":\"login\",\"customer\":\"a\",\"at\":\"yesterday\"}\n";

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> importer.read(Fixtures.stream(lines), "events.jsonl"));

        Problem problem = failure.problems().get(0);
        assertThat(problem.location()).contains(new Location("events.jsonl", 2, 1));
        assertThat(problem.field()).isEqualTo("at");
        assertThat(problem.value()).isEqualTo("yesterday");
    }

    @Test
    void read_jsonSyntaxErrorIsLocated() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "format: json",
                "customer: {id: id, name: name}")), Fixtures.CLOCK);

        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> importer.read(Fixtures.stream("[{\"id\":\"a\",\"name\":\"A\"},\n{\"id\":}]"),
                        "c.json"));

        assertThat(failure.problems().get(0).location().orElseThrow().line()).isEqualTo(2);
    }

    @Test
    void read_semicolonSeparatedWithPatternAndZone() {
        Importer importer = Importer.of(Fixtures.yaml(String.join("\n",
                "separator: ';'",
                "timeZone: America/New_York",
                "dateTimeFormat: dd.MM.yyyy HH:mm",
                "customer: {id: id, name: name, customerSince: since}")), Fixtures.CLOCK);

        RecordBatch batch = importer.read(Fixtures.stream("id;name;since\na;\"A; B\";"
                + "01.07.2024 08:00\n"), "x.csv");

        // 08:00 EDT (UTC-4) is 12:00Z
        assertThat(batch.customers().get(0).customerSince())
                .contains(Instant.parse("2024-07-01T12:00:00Z"));
        assertThat(batch.customers().get(0).name()).isEqualTo("A; B");
    }

    private Importer telco() {
        return Importer.of(Fixtures.mapping("telco.yaml"), Fixtures.CLOCK);
    }

    private void assertStoreEmpty() {
        assertThat(store.customers().count(TenantId.DEFAULT)).isZero();
        assertThat(store.subscriptions().list(TenantId.DEFAULT)).isEmpty();
        assertThat(store.events().withStatus(TenantId.DEFAULT,
                dev.cskit.core.store.EventStatus.RECEIVED, 10)).isEmpty();
    }

    /** Replaces one cell of a file without quoted cells (such as the Telco file). */
    static String replaceCell(String text, int line, int column, String value) {
        String[] lines = text.split("\n", -1);
        String[] cells = lines[line - 1].split(",", -1);
        cells[column - 1] = value;
        lines[line - 1] = String.join(",", cells);
        return String.join("\n", lines);
    }
}
