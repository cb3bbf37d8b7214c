package dev.cskit.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and validating mapping files. */
class ImportMappingTest {

    @Test
    void read_yamlKeepsScalarsAsWritten() {
        ImportMapping mapping = Fixtures.mapping("telco.yaml");

        FieldRule stage = mapping.records().get(RecordKind.CUSTOMER).fields().get("stage");
        // Yes and No are YAML 1.1 booleans; the mapping keeps them as text
        assertThat(stage.translate()).containsExactly(Map.entry("Yes", "CHURNED"),
                Map.entry("No", "ACTIVE"));
        FieldRule start = mapping.records().get(RecordKind.SUBSCRIPTION).fields().get("start");
        assertThat(start.derive()).hasValueSatisfying(d -> {
            assertThat(d.reference()).isEqualTo(Instant.parse("2018-02-01T00:00:00Z"));
            assertThat(d.column()).isEqualTo("tenure");
            assertThat(d.unit()).isEqualTo(ChronoUnit.MONTHS);
            assertThat(d.subtract()).isTrue();
        });
        assertThat(mapping.currency()).contains("USD");
        assertThat(mapping.records().keySet()).containsExactly(RecordKind.CUSTOMER,
                RecordKind.SUBSCRIPTION);
    }

    @Test
    void read_jsonAndYamlOfSameMappingAreEqual() {
        ImportMapping json = Fixtures.mapping("salesforce-contact.json");
        ImportMapping yaml = Fixtures.yaml(String.join("\n",
                "format: csv",
                "event:",
                "  id: Id",
                "  type: {constant: contact.created}",
                "  customerId: AccountId",
                "  occurredAt: CreatedDate",
                "  attributes: {name: Name, firstName: FirstName, lastName: LastName,"
                        + " email: Email, phone: Phone, title: Title}"));

        assertThat(yaml).isEqualTo(json);
    }

    @Test
    void read_unknownKeyIsNamedWithPathAndLine() {
        InvalidInputException failure = invalid(String.join("\n",
                "curency: USD",
                "customer:",
                "  id: {colum: Id}",
                "  name: Name"));

        assertThat(failure.problems()).extracting(Problem::field, Problem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("curency", "curency"),
                        org.assertj.core.groups.Tuple.tuple("customer.id.colum", "colum"));
        assertThat(failure.problems().get(0).rule()).contains("not a known key")
                .contains("currency");
        assertThat(failure.problems().get(0).location())
                .contains(new Location("mapping", 1, 1));
        assertThat(failure.problems().get(1).location().orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void read_reportsEverySemanticProblemAtOnce() {
        InvalidInputException failure = invalid(String.join("\n",
                "customer:",
                "  id: Id",
                "  stage: {column: Churn, translate: {\"Yes\": GONE}}",
                "  nickname: Nick",
                "subscription:",
                "  id: Id",
                "  customerId: Id",
                "  plan: Plan",
                "  unitPrice: Price",
                "  interval: {constant: MONHT}",
                "  attributes: [x]"));

        assertThat(failure.problems()).extracting(Problem::field).containsExactly(
                "customer.name",
                "customer.stage.translate.Yes",
                "customer.nickname",
                "subscription.start",
                "currency",
                "subscription.interval.constant",
                "subscription.attributes");
        assertThat(failure.problems().get(0).rule()).isEqualTo("is required for a customer");
        assertThat(failure.problems().get(1).rule()).contains("ONBOARDING, ACTIVE");
        assertThat(failure.problems().get(4).rule()).contains("subscription.unitPrice is money");
        assertThat(failure.problems().get(5).value()).isEqualTo("MONHT");
    }

    @Test
    void read_derivedInstantNeedsAllItsParts() {
        InvalidInputException failure = invalid(String.join("\n",
                "customer:",
                "  id: Id",
                "  name: Name",
                "  customerSince: {reference: '2018-02-01T00:00:00Z', minus: tenure}"));

        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("customer.customerSince");
            assertThat(p.rule()).contains("reference, unit and exactly one of minus or plus");
        });
    }

    @Test
    void read_badUnitZoneAndReferenceAreNamed() {
        InvalidInputException failure = invalid(String.join("\n",
                "timeZone: Mars/Olympus",
                "customer:",
                "  id: Id",
                "  name: Name",
                "  customerSince: {reference: 'soon', plus: tenure, unit: HOURS}"));

        assertThat(failure.problems()).extracting(Problem::field).containsExactly("timeZone",
                "customer.customerSince.reference", "customer.customerSince.unit");
    }

    @Test
    void builder_ruleWithTwoSourcesIsRefused() {
        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> FieldRule.builder().column("a").constant("b").build());

        assertThat(failure.problems().get(0).rule())
                .isEqualTo("must have exactly one of column, constant or reference");
    }

    @Test
    void builder_mappingWithoutRecordsIsRefused() {
        InvalidInputException failure = catchThrowableOfType(InvalidInputException.class,
                () -> ImportMapping.builder().build());

        assertThat(failure.problems().get(0).rule()).startsWith("must make at least one record");
    }

    private static InvalidInputException invalid(String yaml) {
        return catchThrowableOfType(InvalidInputException.class, () -> Fixtures.yaml(yaml));
    }
}
