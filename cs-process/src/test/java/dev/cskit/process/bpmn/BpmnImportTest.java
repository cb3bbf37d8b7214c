package dev.cskit.process.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Condition;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpmnImportTest {

    private static final BpmnImport IMPORT = BpmnImport.forStage(LifecycleStage.ACTIVE);
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"\n"
            + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";

    /** A process around the given elements: start -> a (task) -> ... as drawn. */
    private static String process(String elements) {
        return OPEN + "<process id=\"p\">\n"
                + "<startEvent id=\"s\"/>\n"
                + "<sequenceFlow id=\"f0\" sourceRef=\"s\" targetRef=\"a\"/>\n"
                + "<userTask id=\"a\"/>\n<endEvent id=\"e\"/>\n"
                + elements + "</process>\n</definitions>\n";
    }

    private static List<InvalidInputException.Problem> problems(String xml) {
        try {
            IMPORT.read(xml);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the import to fail");
    }

    private static List<String> conditionsOf(String expression) {
        ProcessDefinition definition = IMPORT.read(process(
                "<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"g\"/>\n"
                + "<exclusiveGateway id=\"g\" default=\"f3\"/>\n"
                + "<sequenceFlow id=\"f2\" sourceRef=\"g\" targetRef=\"e\">"
                + "<conditionExpression><![CDATA[" + expression + "]]></conditionExpression>"
                + "</sequenceFlow>\n"
                + "<sequenceFlow id=\"f3\" sourceRef=\"g\" targetRef=\"e\"/>\n"));
        Trigger trigger = definition.step("a").orElseThrow().transitions().get(0).trigger();
        return trigger.conditions().stream().map(c -> c.operator() + " " + c.attribute() + " "
                + c.values()).toList();
    }

    @Test
    void read_externalEntity_refusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
                + "<process id=\"p\" name=\"&xxe;\"/></definitions>";

        assertThatThrownBy(() -> IMPORT.read(xxe))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).field()).isEqualTo("DOCTYPE");
                    assertThat(e.problems().get(0).location().orElseThrow().line())
                            .isEqualTo(3);
                })
                .hasMessageNotContaining("TOP-SECRET-42");
    }

    @Test
    void read_entityExpansionBomb_refused() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&b;"
                + "</definitions>";

        assertThatThrownBy(() -> IMPORT.read(bomb)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void read_malformedXml_namesLineAndColumn() {
        List<InvalidInputException.Problem> problems = problems(OPEN + "<process id=\"p\">\n"
                + "  <startEvent id=\"s\">\n</process></definitions>");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("xml");
        assertThat(problems.get(0).location().orElseThrow().line()).isEqualTo(6);
    }

    @Test
    void read_unsupportedElements_allReportedAtOnceWithTypeIdAndLine() {
        String xml = process(
                "<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"fork\"/>\n"
                + "<parallelGateway id=\"fork\"/>\n"
                + "<subProcess id=\"sub\"/>\n"
                + "<userTask id=\"many\"><multiInstanceLoopCharacteristics/></userTask>\n"
                + "<boundaryEvent id=\"remind\" attachedToRef=\"a\" cancelActivity=\"false\">"
                + "<timerEventDefinition><timeDuration>PT1H</timeDuration>"
                + "</timerEventDefinition></boundaryEvent>\n"
                + "<sequenceFlow id=\"f4\" sourceRef=\"many\" targetRef=\"e\"/>\n"
                + "<sequenceFlow id=\"f5\" sourceRef=\"remind\" targetRef=\"e\"/>\n");

        List<InvalidInputException.Problem> problems = problems(xml);

        // The flow into the parallel gateway adds no problem of its own: the gateway is the
        // problem.
        assertThat(problems).extracting(InvalidInputException.Problem::field)
                .containsExactly("parallelGateway 'fork'", "subProcess 'sub'",
                        "multiInstanceLoopCharacteristics (no id)", "boundaryEvent 'remind'");
        assertThat(problems).extracting(p -> p.location().orElseThrow().line())
                .containsExactly(10L, 11L, 12L, 13L);
        assertThat(problems.get(3).rule()).contains("non-interrupting");
    }

    @Test
    void read_conditionNotASimpleComparison_namesFlowAndExpression() {
        String xml = process("<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"g\"/>\n"
                + "<exclusiveGateway id=\"g\"/>\n"
                + "<sequenceFlow id=\"big\" sourceRef=\"g\" targetRef=\"e\">"
                + "<conditionExpression>${amount &gt; 100}</conditionExpression></sequenceFlow>\n"
                + "<sequenceFlow id=\"call\" sourceRef=\"g\" targetRef=\"e\">"
                + "<conditionExpression>${name.startsWith('a')}</conditionExpression>"
                + "</sequenceFlow>\n"
                + "<sequenceFlow id=\"js\" sourceRef=\"g\" targetRef=\"e\">"
                + "<conditionExpression language=\"javascript\">x == 1</conditionExpression>"
                + "</sequenceFlow>\n");

        List<InvalidInputException.Problem> problems = problems(xml);

        assertThat(problems).extracting(InvalidInputException.Problem::field,
                InvalidInputException.Problem::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sequenceFlow 'big'",
                                "${amount > 100}"),
                        org.assertj.core.groups.Tuple.tuple("sequenceFlow 'call'",
                                "${name.startsWith('a')}"),
                        org.assertj.core.groups.Tuple.tuple("sequenceFlow 'js'", "x == 1"));
        assertThat(problems.get(0).rule()).contains("'>'");
        assertThat(problems.get(2).rule()).contains("script condition");
    }

    @Test
    void read_simpleComparisons_mapToConditions() throws Exception {
        assertThat(conditionsOf("${approved}")).containsExactly("EQUALS approved [true]");
        assertThat(conditionsOf("${!approved}")).containsExactly("EQUALS approved [false]");
        assertThat(conditionsOf("${x == 'y'}")).containsExactly("EQUALS x [y]");
        assertThat(conditionsOf("${plan != \"free\" && seats >= 10 && price <= 9.5}"))
                .containsExactly("NOT_EQUALS plan [free]", "AT_LEAST seats [10]",
                        "AT_MOST price [9.5]");
        assertThat(conditionsOf("${reason != null}")).containsExactly("PRESENT reason []");
        assertThat(conditionsOf("${tier == 'a' || tier == 'b'}"))
                .containsExactly("IN tier [a, b]");
        assertThat(conditionsOf("=(flag = false) and not(blocked)"))
                .containsExactly("EQUALS flag [false]", "EQUALS blocked [false]");
        assertThat(conditionsOf("= tier = \"gold\" or tier = \"silver\""))
                .containsExactly("IN tier [gold, silver]");
        assertThat(ConditionExpression.read(ConditionExpression.write(
                List.of(Condition.is("q", "it's \\ fine")))))
                .containsExactly(Condition.is("q", "it's \\ fine"));
    }

    @Test
    void read_timerOutsideSubset_refusedNamingTheElement() {
        String xml = process("<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"e\"/>\n"
                + "<boundaryEvent id=\"cycle\" attachedToRef=\"a\"><timerEventDefinition>"
                + "<timeCycle>R3/PT10H</timeCycle></timerEventDefinition></boundaryEvent>\n"
                + "<sequenceFlow id=\"f2\" sourceRef=\"cycle\" targetRef=\"e\"/>\n"
                + "<boundaryEvent id=\"mixed\" attachedToRef=\"a\"><timerEventDefinition>"
                + "<timeDuration>P1DT2H</timeDuration></timerEventDefinition></boundaryEvent>\n"
                + "<sequenceFlow id=\"f3\" sourceRef=\"mixed\" targetRef=\"e\"/>\n");

        List<InvalidInputException.Problem> problems = problems(xml);

        assertThat(problems).extracting(InvalidInputException.Problem::field)
                .containsExactly("timeCycle (no id)", "timeDuration (no id)");
        assertThat(problems.get(1).value()).isEqualTo("P1DT2H");
        assertThat(problems.get(1).rule()).contains("mixed");
    }

    @Test
    void read_structuralMistakes_reportedWithElement() {
        String xml = process("<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"e\"/>\n"
                + "<sequenceFlow id=\"f2\" sourceRef=\"a\" targetRef=\"b\"/>\n"
                + "<serviceTask id=\"b\"/>\n"
                + "<manualTask id=\"lost\"/>\n"
                + "<sequenceFlow id=\"f3\" sourceRef=\"lost\" targetRef=\"e\"/>\n");

        List<InvalidInputException.Problem> problems = problems(xml);

        assertThat(problems).extracting(InvalidInputException.Problem::field)
                .containsExactly("userTask 'a'", "serviceTask 'b'");
        assertThat(problems.get(0).rule()).contains("implicit parallel split");
        assertThat(problems.get(1).rule()).contains("no outgoing sequence flow");
    }

    @Test
    void read_unreachableTask_reportedByTheValidatorAtTheElement() {
        String xml = process("<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"e\"/>\n"
                + "<manualTask id=\"lost\"/>\n"
                + "<sequenceFlow id=\"f3\" sourceRef=\"lost\" targetRef=\"e\"/>\n");

        List<InvalidInputException.Problem> problems = problems(xml);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("manualTask 'lost'");
        assertThat(problems.get(0).rule()).contains("unreachable");
        assertThat(problems.get(0).location().orElseThrow().line()).isEqualTo(10);
    }

    @Test
    void read_messageBoundaryAndEventGateway_becomeEventAndTimerTriggers() {
        String xml = OPEN + "<message id=\"m1\" name=\"invoice.paid\"/>\n"
                + "<process id=\"billing\" name=\"Billing\">\n"
                + "<startEvent id=\"s\"/>"
                + "<sequenceFlow id=\"f0\" sourceRef=\"s\" targetRef=\"w\"/>\n"
                + "<eventBasedGateway id=\"w\" name=\"Wait\"/>\n"
                + "<sequenceFlow id=\"f1\" sourceRef=\"w\" targetRef=\"paid\"/>\n"
                + "<intermediateCatchEvent id=\"paid\"><messageEventDefinition messageRef=\"m1\"/>"
                + "</intermediateCatchEvent>\n"
                + "<sequenceFlow id=\"f2\" sourceRef=\"w\" targetRef=\"late\"/>\n"
                + "<intermediateCatchEvent id=\"late\"><timerEventDefinition>"
                + "<timeDuration>P30D</timeDuration></timerEventDefinition>"
                + "</intermediateCatchEvent>\n"
                + "<sequenceFlow id=\"f3\" sourceRef=\"paid\" targetRef=\"done\"/>\n"
                + "<sequenceFlow id=\"f4\" sourceRef=\"late\" targetRef=\"done\"/>\n"
                + "<endEvent id=\"done\"/>\n</process>\n</definitions>\n";

        ProcessDefinition definition = IMPORT.read(xml);

        assertThat(definition.step("w").orElseThrow().transitions()).containsExactly(
                Transition.to("done", Trigger.onEvent("invoice.paid")),
                Transition.to("done", Trigger.after(dev.cskit.process.Delay.ofDays(30))));
        assertThat(definition.steps()).hasSize(2);
        assertThat(definition.name()).isEqualTo("Billing");
    }
}
