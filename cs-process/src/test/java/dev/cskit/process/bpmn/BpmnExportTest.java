package dev.cskit.process.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Action;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BpmnExportTest {

    private static final BpmnImport IMPORT = BpmnImport.forStage(LifecycleStage.ACTIVE);

    private static Trigger event(String type, Condition... conditions) {
        Trigger.Builder trigger = Trigger.builder().kind(Trigger.Kind.EVENT).eventType(type);
        for (Condition condition : conditions) {
            if (!trigger.build().attributes().contains(condition.attribute())) {
                trigger.addAttributes(condition.attribute());
            }
            trigger.addConditions(condition);
        }
        return trigger.build();
    }

    /** Every shape the export draws: task flows, decisions, boundaries, catch events. */
    static ProcessDefinition everyShape() {
        return ProcessDefinition.builder().key("renewal").version(1).name("Renewal review")
                .stage(LifecycleStage.ACTIVE).startStep("review")
                .addSteps(Step.normal("review").name("Review account").task("review",
                                "Review account")
                        .addTransitions(Transition.to("offer",
                                event("review.completed", Condition.is("risk", "it's low"),
                                        Condition.atLeast("seats", "10"))))
                        .addTransitions(Transition.to("call",
                                event("review.completed", Condition.oneOf("risk", "high",
                                        "a\\b"))))
                        .addTransitions(Transition.to("waiting", event("review.completed")))
                        .addTransitions(Transition.to("done", event("subscription.cancelled",
                                Condition.present("reason"))))
                        .addTransitions(Transition.to("call", Trigger.after(Delay.ofDays(5))))
                        .addTransitions(Transition.to("done", Trigger.after(Delay.ofHours(2))))
                        .build())
                .addSteps(Step.normal("offer").task("offer", "offer")
                        .onTask("offer", "waiting").build())
                .addSteps(Step.normal("call").name("Call customer").task("call", "Call customer")
                        .onTask("call", "done").build())
                .addSteps(Step.normal("waiting").name("Wait for answer")
                        .addTransitions(Transition.to("done", event("offer.answered",
                                Condition.isNot("answer", "no"), Condition.atMost("price",
                                        "99.5"))))
                        .addTransitions(Transition.to("call", event("offer.answered")))
                        .after("P2W", "call")
                        .onEvent("meeting.held", "done")
                        .build())
                .addSteps(Step.normal("nudge").after("PT30M", "done").build())
                .addSteps(Step.end("done"))
                .build();
    }

    @Test
    void write_everyShape_importsBackEquivalent() {
        ProcessDefinition definition = DefinitionValidator.forActionTypes(Set.of())
                .validate(withNudgeReachable(everyShape()));

        String xml = BpmnExport.write(definition);
        ProcessDefinition back = IMPORT.read(xml);

        assertThat(Equivalence.canonical(back)).isEqualTo(Equivalence.canonical(definition));
        assertThat(back.step("review").orElseThrow().transitions())
                .extracting(Transition::target)
                .containsExactly("offer", "call", "waiting", "done", "call", "done");
    }

    private static ProcessDefinition withNudgeReachable(ProcessDefinition definition) {
        Step call = Step.normal("call").name("Call customer").task("call", "Call customer")
                .onTask("call", "nudge").build();
        List<Step> steps = new java.util.ArrayList<>(definition.steps());
        steps.set(2, call);
        return ProcessDefinition.builder().copyFrom(definition).steps(steps).build();
    }

    @Test
    void write_everyShape_drawsAShapePerNodeAndAnEdgePerFlow() {
        String xml = BpmnExport.write(withNudgeReachable(everyShape()));

        // Counted from the definition: 1 start, 6 steps, 3 boundary events on review (the
        // cancellation and two timers), 3 catch events after the event-based gateway
        // "waiting", 2 gateways on review (completion decision, cancellation condition) and
        // 1 on waiting (the two offer.answered transitions).
        int nodes = 1 + 6 + 3 + 3 + 3;
        assertThat(count(xml, "<bpmndi:BPMNShape ")).isEqualTo(nodes);
        assertThat(count(xml, "<bpmn:sequenceFlow ")).isEqualTo(count(xml, "<bpmndi:BPMNEdge "));
        assertThat(count(xml, "<bpmn:boundaryEvent ")).isEqualTo(3);
        assertThat(count(xml, "<bpmn:eventBasedGateway ")).isEqualTo(1);
        assertThat(count(xml, "<bpmn:exclusiveGateway ")).isEqualTo(3);
        assertThat(xml).contains("<bpmn:userTask id=\"review\" name=\"Review account\">")
                .contains("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P14D<")
                .contains("<bpmn:message id=\"Message_1\" name=\"subscription.cancelled\"/>")
                .contains("${risk == 'it\\'s low' &amp;&amp; seats &gt;= 10}");
        // Every shape sits right of the one before it in flow: start left of review.
        assertThat(bounds(xml, "StartEvent_1")[0]).isLessThan(bounds(xml, "review")[0]);
        assertThat(bounds(xml, "review")[0]).isLessThan(bounds(xml, "offer")[0]);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static double[] bounds(String xml, String element) {
        Matcher matcher = Pattern.compile("bpmnElement=\"" + Pattern.quote(element)
                + "\"[^>]*>\\s*<dc:Bounds x=\"([0-9.]+)\" y=\"([0-9.]+)\"").matcher(xml);
        assertThat(matcher.find()).as(element).isTrue();
        return new double[] {Double.parseDouble(matcher.group(1)),
                Double.parseDouble(matcher.group(2))};
    }

    @Test
    void write_realFiles_roundTripToTheSameDefinition() {
        for (String file : List.of("camunda-examples_support-ticket.bpmn",
                "ruecker_customer-onboarding-simple.bpmn",
                "flowable-examples_vacation-request.bpmn",
                "camunda-platform_multiple-timers-on-user-task.bpmn")) {
            ProcessDefinition imported = IMPORT.read(new ByteArrayInputStream(
                    BpmnRealFilesTest.resource(file)), file);

            ProcessDefinition back = IMPORT.read(BpmnExport.write(imported));

            assertThat(Equivalence.canonical(back)).as(file)
                    .isEqualTo(Equivalence.canonical(imported));
        }
    }

    @Test
    void write_partsBpmnCannotHold_refusedAllAtOnceByPath() {
        ProcessDefinition definition = ProcessDefinition.builder().key("welcome").version(1)
                .stage(LifecycleStage.ONBOARDING).startStep("kickoff")
                .zone(java.time.ZoneId.of("Europe/Paris"))
                .addSteps(Step.normal("kickoff").sla(SlaLevel.Level.WARN, "P3D")
                        .addOnEntry(Action.email("welcome"))
                        .onEvent("meeting.held", "setup", Action.csmTask("follow up"))
                        .build())
                .addSteps(Step.checklist("setup").task("contract", "Contract")
                        .task("licences", "Licences", "contract").whenChecklistDone("done")
                        .addTransitions(Transition.to("done",
                                Trigger.afterBusiness(Delay.ofDays(5))))
                        .build())
                .addSteps(Step.end("done"))
                .build();

        assertThatThrownBy(() -> BpmnExport.write(definition))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(InvalidInputException.Problem::field)
                        .containsExactly("zone", "steps[0].sla", "steps[0].onEntry",
                                "steps[0].transitions[0].actions", "steps[1].kind",
                                "steps[1].tasks", "steps[1].transitions[0].trigger.kind",
                                "steps[1].transitions[1].trigger.businessCalendar"));
    }

    @Test
    void write_idsThatAreNotXmlNames_refused() {
        ProcessDefinition definition = ProcessDefinition.builder().key("1st process")
                .version(1).stage(LifecycleStage.ONBOARDING).startStep("a b")
                .addSteps(Step.normal("a b").onEvent("x", "done").build(), Step.end("done"))
                .build();

        assertThatThrownBy(() -> BpmnExport.write(definition))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(InvalidInputException.Problem::field)
                        .containsExactly("key", "steps[0].id"));
    }

    @Test
    void write_output_isWellFormedUtf8WithNoDoctype() {
        String xml = BpmnExport.write(everyShapeSmall());

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .doesNotContain("<!DOCTYPE");
        assertThat(IMPORT.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "x").steps()).hasSize(2);
    }

    private static ProcessDefinition everyShapeSmall() {
        return ProcessDefinition.builder().key("p").version(1).stage(LifecycleStage.ACTIVE)
                .startStep("w").addSteps(Step.normal("w").name("Wait für Antwort")
                        .onEvent("é.vu", "done").build(), Step.end("done"))
                .build();
    }
}
