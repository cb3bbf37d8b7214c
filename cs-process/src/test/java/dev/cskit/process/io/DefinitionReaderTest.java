package dev.cskit.process.io;

import static dev.cskit.process.io.Definitions.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.InvalidInputException.Location;
import dev.cskit.core.InvalidInputException.Problem;
import dev.cskit.core.LifecycleStage;
import dev.cskit.process.DefinitionInvalidException;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionReaderTest {

    private static final String BROKEN_JSON = String.join("\n",
            "{",
            "  \"version\": 0,",
            "  \"stage\": \"ONBOARDING\",",
            "  \"startStep\": \"a\",",
            "  \"steps\": [",
            "    { \"id\": \"a\", \"colour\": \"red\",",
            "      \"transitions\": [",
            "        { \"target\": \"b\", \"trigger\": { \"kind\": \"task\" } },",
            "        { \"target\": \"b\", \"trigger\": { \"kind\": \"timer\", "
                    + "\"after\": \"3 days\" } }",
            "      ] },",
            "    { \"id\": \"b\", \"kind\": \"final\" }",
            "  ]",
            "}");

    private static Location at(String source, String text, int line, String token) {
        String lineText = text.split("\n", -1)[line - 1];
        int column = lineText.indexOf(token) + 1;
        assertThat(column).as("token %s on line %d", token, line).isPositive();
        return new Location(source, line, column);
    }

    private static InvalidInputException invalid(Runnable read) {
        try {
            read.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("no InvalidInputException");
    }

    @Test
    void readJson_documentedShape_givesTheBuiltDefinition() {
        String json = String.join("\n",
                "{ \"key\": \"k\", \"version\": 1, \"stage\": \"ACTIVE\", \"startStep\": \"a\",",
                "  \"steps\": [",
                "    { \"id\": \"a\", \"transitions\": [",
                "        { \"target\": \"b\", \"trigger\": { \"kind\": \"event\",",
                "          \"eventType\": \"ticket.closed\" } } ] },",
                "    { \"id\": \"b\", \"kind\": \"end\" } ] }");
        ProcessDefinition expected = ProcessDefinition.builder().key("k").version(1)
                .stage(LifecycleStage.ACTIVE).startStep("a")
                .step(Step.normal("a").onEvent("ticket.closed", "b"))
                .step(Step.end("b")).build();

        assertThat(READER.readJson(json)).isEqualTo(expected);
    }

    @Test
    void readYaml_documentedShape_givesTheBuiltDefinition() {
        String yaml = String.join("\n",
                "key: onboarding.welcome",
                "version: 2",
                "name: Welcome",
                "stage: ONBOARDING",
                "zone: Europe/Paris",
                "startStep: kickoff",
                "steps:",
                "  - id: kickoff",
                "    name: Kickoff meeting",
                "    kind: checklist",
                "    tasks:",
                "      - {id: invite, name: Invite sent}",
                "      - {id: meeting, name: Meeting held, requires: [invite]}",
                "    sla:",
                "      - {level: warn, after: P2D}",
                "      - {level: breach, after: PT16H, businessCalendar: true}",
                "    onEntry:",
                "      - {type: email, parameters: {template: welcome}}",
                "    transitions:",
                "      - target: first-use",
                "        trigger: {kind: checklist}",
                "        actions: [{type: csm.task, parameters: {title: Follow up}}]",
                "  - id: first-use",
                "    name: First use",
                "    transitions:",
                "      - target: done",
                "        trigger:",
                "          kind: event",
                "          eventType: feature.used",
                "          attributes: [feature]",
                "          conditions:",
                "            - {attribute: feature, operator: in, values: [import, report]}",
                "        actions: [{type: lifecycle.stage, parameters: {stage: ACTIVE}}]",
                "      - target: reminder",
                "        trigger: {kind: timer, after: P7D}",
                "        actions: [{type: email, parameters: {template: nudge}}]",
                "  - id: reminder",
                "    name: Reminder sent",
                "    transitions:",
                "      - target: done",
                "        trigger: {kind: event, eventType: feature.used}",
                "        actions: [{type: lifecycle.stage, parameters: {stage: ACTIVE}}]",
                "  - {id: done, kind: end}",
                "");

        assertThat(READER.readYaml(yaml)).isEqualTo(Definitions.welcome());
    }

    @Test
    void readJson_schemaViolations_areAllReportedWithPathLineAndColumn() {
        InvalidInputException e = invalid(() -> READER.readJson(BROKEN_JSON));

        String src = "json";
        assertThat(e.problems()).extracting(Problem::field, Problem::value, Problem::location)
                .containsExactly(
                        tuple("key", null,
                                Optional.of(new Location(src, 1, 1))),
                        tuple("version", "0",
                                Optional.of(at(src, BROKEN_JSON, 2, "0"))),
                        tuple("steps[0].colour", null,
                                Optional.of(at(src, BROKEN_JSON, 6, "{"))),
                        tuple(
                                "steps[0].transitions[0].trigger.task", null,
                                Optional.of(at(src, BROKEN_JSON, 8, "{ \"kind\""))),
                        tuple(
                                "steps[0].transitions[1].trigger.after", "3 days",
                                Optional.of(at(src, BROKEN_JSON, 9, "\"3 days\""))),
                        tuple("steps[1].kind", "final",
                                Optional.of(at(src, BROKEN_JSON, 11, "\"final\""))));
        assertThat(e.problems().get(1).rule()).contains("minimum value of 1");
        assertThat(e.problems().get(4).rule()).contains("ISO-8601");
        assertThat(e.problems().get(5).rule()).contains("normal", "checklist", "end");
    }

    @Test
    void readYaml_schemaViolations_carryYamlLinesAndColumns() {
        String yaml = String.join("\n",
                "key: k",
                "version: one",
                "stage: ACTIVE",
                "startStep: a",
                "steps:",
                "  - id: a",
                "    transitions:",
                "      - target: b",
                "        trigger: {kind: timer, after: soon}",
                "  - id: b",
                "    kind: end",
                "    onEntry: [{type: email, parameters: {template: 3}}]",
                "");

        InvalidInputException e = invalid(() -> READER.readYaml(yaml));

        assertThat(e.problems()).extracting(Problem::field, Problem::value, Problem::location)
                .containsExactly(
                        tuple("version", "one",
                                Optional.of(at("yaml", yaml, 2, "one"))),
                        tuple(
                                "steps[0].transitions[0].trigger.after", "soon",
                                Optional.of(at("yaml", yaml, 9, "soon"))),
                        tuple(
                                "steps[1].onEntry[0].parameters.template", "3",
                                Optional.of(at("yaml", yaml, 12, "3"))));
    }

    @Test
    void readJson_malformedText_isOneProblemAtTheBadToken() {
        InvalidInputException e = invalid(() ->
                READER.readJson("{\n  \"key\": \"k\",\n  \"version\" 1 }"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("(document)");
            assertThat(p.rule()).startsWith("must be well-formed JSON");
            assertThat(p.location()).contains(new Location("json", 3, 13));
        });
    }

    @Test
    void readJson_validSchemaButInvalidDefinition_reportsTheValidatorsProblems() {
        String json = "{\"key\":\"k\",\"version\":1,\"stage\":\"ACTIVE\",\"startStep\":\"a\","
                + "\"steps\":[{\"id\":\"a\",\"transitions\":[{\"target\":\"nowhere\","
                + "\"trigger\":{\"kind\":\"timer\",\"after\":\"PT0S\"}}]},"
                + "{\"id\":\"b\",\"kind\":\"end\"}]}";

        assertThatThrownBy(() -> READER.readJson(json))
                .isInstanceOfSatisfying(DefinitionInvalidException.class, e ->
                        assertThat(e.problems())
                                .extracting(DefinitionInvalidException.Problem::path)
                                .contains("steps[0].transitions[0].target", "steps[1]"));
    }

    @Test
    void readJson_unknownActionType_isRefusedByTheValidator() {
        String json = "{\"key\":\"k\",\"version\":1,\"stage\":\"ACTIVE\",\"startStep\":\"a\","
                + "\"steps\":[{\"id\":\"a\",\"onEntry\":[{\"type\":\"fax\"}],"
                + "\"transitions\":[{\"target\":\"b\",\"trigger\":{\"kind\":\"timer\","
                + "\"after\":\"P1D\"}}]},{\"id\":\"b\",\"kind\":\"end\"}]}";

        assertThatThrownBy(() -> READER.readJson(json))
                .isInstanceOf(DefinitionInvalidException.class)
                .hasMessageContaining("steps[0].onEntry[0].type").hasMessageContaining("fax");
    }

    @Test
    void read_pathPicksTheFormatByExtensionAndNamesTheFile(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("welcome.yml");
        Files.writeString(yaml, DefinitionWriter.toYaml(Definitions.welcome()));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, BROKEN_JSON);

        assertThat(READER.read(yaml)).isEqualTo(Definitions.welcome());
        assertThat(invalid(() -> READER.read(broken)).problems().get(0).location())
                .contains(new Location(broken.toString(), 1, 1));
        assertThatThrownBy(() -> READER.read(dir.resolve("welcome.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(".yaml");
    }

    @Test
    void schema_isShippedInTheJarAsDraft202012() throws Exception {
        try (InputStream in = ProcessDefinition.class
                .getResourceAsStream("/dev/cskit/process/definition.schema.json")) {
            assertThat(in).isNotNull();
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(DefinitionReader.schema()).isEqualTo(shipped)
                    .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        }
    }

    @Test
    void readJson_nothingIsReadWhenTheSchemaFails() {
        List<Problem> problems = invalid(() -> READER.readJson("[]")).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("(document)");
            assertThat(p.rule()).contains("object");
        });
    }
}
