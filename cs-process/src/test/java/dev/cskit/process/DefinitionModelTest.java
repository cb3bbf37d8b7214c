package dev.cskit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionModelTest {

    static ProcessDefinition registration() {
        return ProcessDefinition.builder()
                .key("registration").version(1).name("Customer registration")
                .stage(LifecycleStage.ONBOARDING).startStep("checklist")
                .zone(ZoneId.of("Europe/Paris"))
                .step(Step.checklist("checklist")
                        .task("contract", "Contract signed")
                        .task("account", "Account configured", "contract")
                        .task("licences", "Licences delivered", "contract")
                        .sla(SlaLevel.Level.WARN, "P2D")
                        .addSla(SlaLevel.business(SlaLevel.Level.BREACH, Delay.parse("PT16H")))
                        .addOnEntry(Action.email("registration-started"))
                        .whenChecklistDone("welcome", Action.csmTask("Plan kickoff")))
                .step(Step.normal("welcome")
                        .addTransitions(Transition.to("done", Trigger.builder()
                                .kind(Trigger.Kind.EVENT).eventType("meeting.held")
                                .addAttributes("outcome")
                                .addConditions(Condition.is("outcome", "ok")).build()))
                        .after("P7D", "done", Action.changeStage(LifecycleStage.ACTIVE)))
                .step(Step.end("done"))
                .build();
    }

    @Test
    void toJson_roundTrip_givesEqualDefinition() {
        ProcessDefinition definition = registration();

        ProcessDefinition read = ProcessDefinition.fromJson(definition.toJson());

        assertThat(read).isEqualTo(definition);
    }

    @Test
    void toJson_shape_isTheDocumentedOne() {
        String json = registration().toJson();

        assertThat(json).contains("\"startStep\":\"checklist\"")
                .contains("\"kind\":\"checklist\"")
                .contains("\"sla\":[{\"level\":\"warn\",\"after\":\"P2D\"")
                .contains("{\"kind\":\"timer\",\"after\":\"P7D\"")
                .contains("\"operator\":\"equals\",\"values\":[\"ok\"]")
                .contains("\"zone\":\"Europe/Paris\"")
                .doesNotContain("\"tasks\":[]");
    }

    @Test
    void fromJson_minimal_appliesDefaults() {
        String json = "{\"key\":\"k\",\"version\":2,\"stage\":\"ACTIVE\",\"startStep\":\"a\","
                + "\"steps\":[{\"id\":\"a\",\"transitions\":[{\"target\":\"b\","
                + "\"trigger\":{\"kind\":\"task\",\"task\":\"t\"}}],\"tasks\":[{\"id\":\"t\"}]},"
                + "{\"id\":\"b\",\"kind\":\"end\"}]}";

        ProcessDefinition definition = ProcessDefinition.fromJson(json);

        assertThat(definition.name()).isEqualTo("k");
        assertThat(definition.step("a").orElseThrow().kind()).isEqualTo(Step.Kind.NORMAL);
        assertThat(definition.step("a").orElseThrow().tasks().get(0).required()).isTrue();
        assertThat(definition.step("b").orElseThrow().isEnd()).isTrue();
    }

    @Test
    void fromJson_timerWithoutDelay_isRefusedNamingTheField() {
        String json = "{\"key\":\"k\",\"version\":1,\"stage\":\"ACTIVE\",\"startStep\":\"a\","
                + "\"steps\":[{\"id\":\"a\",\"transitions\":[{\"target\":\"a\","
                + "\"trigger\":{\"kind\":\"timer\"}}]}]}";

        assertThatThrownBy(() -> ProcessDefinition.fromJson(json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("trigger.after");
    }

    @Test
    void delayParse_distinguishesCalendarAndExact() {
        assertThat(Delay.parse("P1D").calendar()).contains(Period.ofDays(1));
        assertThat(Delay.parse("P1D").isExact()).isFalse();
        assertThat(Delay.parse("PT24H").exact()).contains(Duration.ofHours(24));
        assertThat(Delay.parse("pt90m").exact()).contains(Duration.ofMinutes(90));
        assertThat(Delay.parse("P2W").calendar()).contains(Period.ofDays(14));
        assertThat(Delay.parse("PT0S").isPositive()).isFalse();
        assertThat(Delay.parse("-PT1H").isPositive()).isFalse();
        assertThat(Delay.parse("P1M-3D").isPositive()).isFalse();
    }

    @Test
    void delayParse_mixedOrMalformed_isRefused() {
        assertThatThrownBy(() -> Delay.parse("P1DT2H"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> Delay.parse("1 day"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void conditionTest_operators() {
        Map<String, String> seats = Map.of("seats", "12", "plan", "pro");

        assertThat(Condition.is("plan", "pro").test(seats)).isTrue();
        assertThat(Condition.isNot("plan", "pro").test(seats)).isFalse();
        assertThat(Condition.oneOf("plan", "basic", "pro").test(seats)).isTrue();
        assertThat(Condition.present("region").test(seats)).isFalse();
        assertThat(Condition.atLeast("seats", "12").test(seats)).isTrue();
        assertThat(Condition.atLeast("seats", "12.5").test(seats)).isFalse();
        assertThat(Condition.atMost("seats", "11").test(seats)).isFalse();
        assertThat(Condition.atMost("plan", "11").test(seats)).isFalse();
    }
}
