package dev.cskit.process.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TenantId;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import dev.cskit.process.internal.Decider;
import dev.cskit.process.internal.Decision;
import dev.cskit.process.internal.Input;
import dev.cskit.process.internal.InstanceState;
import dev.cskit.process.internal.TimeRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The four real BPMN files in the test resources, each imported and compared with the
 * definition read from the XML by hand.
 */
class BpmnRealFilesTest {

    private static final BpmnImport IMPORT = BpmnImport.forStage(LifecycleStage.ONBOARDING);
    private static final Pattern HASH_LINE = Pattern.compile("^([0-9a-f]{64})  (\\S+)$",
            Pattern.MULTILINE);

    static byte[] resource(String name) {
        try (InputStream in = BpmnRealFilesTest.class.getResourceAsStream("/bpmn/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProcessDefinition read(String name) {
        try (InputStream in = BpmnRealFilesTest.class.getResourceAsStream("/bpmn/" + name)) {
            return IMPORT.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> hashesIn(String readme) {
        Map<String, String> hashes = new LinkedHashMap<>();
        Matcher matcher = HASH_LINE.matcher(readme);
        while (matcher.find()) {
            hashes.put(matcher.group(2).replace("bpmn/", ""), matcher.group(1));
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Trigger completed(String task, Condition condition) {
        return Trigger.builder().kind(Trigger.Kind.EVENT).eventType(task + ".completed")
                .addAttributes(condition.attribute()).addConditions(condition).build();
    }

    private static Step task(String id, String name, Transition... transitions) {
        return Step.normal(id).name(name).addTasks(Task.builder().id(id).name(name).build())
                .addTransitions(transitions).build();
    }

    private static Step end(String id, String name) {
        return Step.builder().id(id).name(name).kind(Step.Kind.END).build();
    }

    @Test
    void copies_matchTheSha256InTheirReadme() throws NoSuchAlgorithmException {
        Map<String, String> listed = hashesIn(
                new String(resource("README.md"), StandardCharsets.UTF_8));

        assertThat(listed).hasSize(4);
        for (Map.Entry<String, String> file : listed.entrySet()) {
            assertThat(sha256(resource(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void readme_listsTheHashesOfTheSharedDataReadme() throws IOException {
        Path shared = Path.of("..", "..", "shared", "data", "README.md");
        Assumptions.assumeTrue(Files.exists(shared), "shared data not beside the project");
        Map<String, String> published = hashesIn(Files.readString(shared));
        Map<String, String> ours = hashesIn(
                new String(resource("README.md"), StandardCharsets.UTF_8));

        assertThat(published).containsAllEntriesOf(ours);
    }

    @Test
    void read_supportTicket_oneUserAndThreeServiceTasksDecidedByTheGateway() {
        ProcessDefinition definition = read("camunda-examples_support-ticket.bpmn");

        // Read by hand: start -> UserTask_1 -> gateway with three conditioned flows on `do`,
        // each to a service task, each service task to its own end event (8 flows).
        ProcessDefinition expected = ProcessDefinition.builder().key("Process_Support")
                .version(1).name("Handle Support Ticket").stage(LifecycleStage.ONBOARDING)
                .startStep("UserTask_1")
                .addSteps(task("UserTask_1", "Handle Support Ticket",
                        Transition.to("ServiceTask_1",
                                completed("UserTask_1", Condition.is("do", "close"))),
                        Transition.to("ServiceTask_2",
                                completed("UserTask_1", Condition.is("do", "escalate"))),
                        Transition.to("ServiceTask_3",
                                completed("UserTask_1", Condition.is("do", "respond")))))
                .addSteps(Step.end("EndEvent_3"), Step.end("EndEvent_1"), Step.end("EndEvent_2"))
                .addSteps(task("ServiceTask_1", "Close ticket",
                        Transition.to("EndEvent_1", Trigger.onTask("ServiceTask_1"))))
                .addSteps(task("ServiceTask_2", "Escalate",
                        Transition.to("EndEvent_3", Trigger.onTask("ServiceTask_2"))))
                .addSteps(task("ServiceTask_3", "Respond to customer",
                        Transition.to("EndEvent_2", Trigger.onTask("ServiceTask_3"))))
                .build();
        assertThat(definition).isEqualTo(expected);
        assertThat(definition.steps().stream().mapToInt(s -> s.transitions().size()).sum())
                .as("8 flows: start and the flow into the gateway carry no transition")
                .isEqualTo(6);
    }

    @Test
    void read_customerOnboarding_zeebeExtensionsIgnoredAndFeelConditionsRead() {
        ProcessDefinition definition = read("ruecker_customer-onboarding-simple.bpmn");

        ProcessDefinition expected = ProcessDefinition.builder().key("customer-onboarding")
                .version(1).name("Customer Onboarding (Simple)")
                .stage(LifecycleStage.ONBOARDING).startStep("TaskScoreCustomer")
                .addSteps(task("TaskScoreCustomer", "Score customer",
                        Transition.to("TaskApproveCustomerOrder",
                                Trigger.onTask("TaskScoreCustomer"))))
                .addSteps(end("EndEventRejected", "Customer order rejected"))
                .addSteps(end("EndEventProcessed", "Customer order processed"))
                .addSteps(task("TaskCreateCustomerInCrm", "Create customer order in CRM system",
                        Transition.to("EndEventProcessed",
                                Trigger.onTask("TaskCreateCustomerInCrm"))))
                .addSteps(task("TaskApproveCustomerOrder", "Approve customer order",
                        Transition.to("EndEventRejected", completed("TaskApproveCustomerOrder",
                                Condition.is("automaticProcessing", "false"))),
                        Transition.to("TaskCreateCustomerInCrm",
                                completed("TaskApproveCustomerOrder",
                                        Condition.is("automaticProcessing", "true")))))
                .build();
        assertThat(definition).isEqualTo(expected);
    }

    @Test
    void read_vacationRequest_edgesFromSourceAndTargetRefsAlone() {
        ProcessDefinition definition = IMPORT.version(3)
                .read(new java.io.ByteArrayInputStream(
                        resource("flowable-examples_vacation-request.bpmn")), "vacation");

        ProcessDefinition expected = ProcessDefinition.builder().key("vacationRequest")
                .version(3).name("Vacation request").stage(LifecycleStage.ONBOARDING)
                .startStep("handleRequest")
                .addSteps(task("handleRequest", "Handle vacation request",
                        Transition.to("adjustVacationRequestTask", completed("handleRequest",
                                Condition.is("vacationApproved", "Reject"))),
                        Transition.to("sendApprovalMail", completed("handleRequest",
                                Condition.is("vacationApproved", "Approve")))))
                .addSteps(task("sendApprovalMail", "Send confirmation e-mail",
                        Transition.to("theEnd1", Trigger.onTask("sendApprovalMail"))))
                .addSteps(Step.end("theEnd1"))
                .addSteps(task("adjustVacationRequestTask", "Adjust vacation request",
                        Transition.to("handleRequest", completed("adjustVacationRequestTask",
                                Condition.is("resendRequest", "Yes"))),
                        Transition.to("theEnd2", completed("adjustVacationRequestTask",
                                Condition.is("resendRequest", "No")))))
                .addSteps(Step.end("theEnd2"))
                .build();
        assertThat(definition).isEqualTo(expected);
    }

    @Test
    void read_multipleTimers_threeTimerTransitionsOnTheUserTask() {
        ProcessDefinition definition = read("camunda-platform_multiple-timers-on-user-task.bpmn");

        ProcessDefinition expected = ProcessDefinition.builder().key("multipleTimersOnUserTask")
                .version(1).stage(LifecycleStage.ONBOARDING).startStep("firstTask")
                .addSteps(task("firstTask", "First Task",
                        Transition.to("theEnd", Trigger.onTask("firstTask")),
                        Transition.to("secondTask", Trigger.after(Delay.ofHours(2))),
                        Transition.to("thirdTask", Trigger.after(Delay.ofHours(1))),
                        Transition.to("fourthTask", Trigger.after(Delay.ofHours(3)))))
                .addSteps(Step.end("theEnd"))
                .addSteps(task("secondTask", "Second Task",
                        Transition.to("escalatedEnd", Trigger.onTask("secondTask"))))
                .addSteps(task("thirdTask", "Third Task",
                        Transition.to("escalatedEnd", Trigger.onTask("thirdTask"))))
                .addSteps(task("fourthTask", "Fourth Task",
                        Transition.to("escalatedEnd", Trigger.onTask("fourthTask"))))
                .addSteps(Step.end("escalatedEnd"))
                .build();
        assertThat(definition).isEqualTo(expected);
        assertThat(definition.name()).isEqualTo("multipleTimersOnUserTask");
    }

    @Test
    void runMultipleTimers_shortestTimerWins_asInTheCamundaTest() {
        ProcessDefinition definition = read("camunda-platform_multiple-timers-on-user-task.bpmn");
        Instant start = Instant.parse("2024-06-03T09:00:00Z");
        InstanceState state = Decider.decide(TimeRules.UTC, definition, null,
                new Input.Start(TenantId.DEFAULT, "i-1", CustomerId.of("acme"), "test"), start)
                .next();

        InstanceState early = Decider.decide(TimeRules.UTC, definition, state,
                new Input.Tick("system"), start.plus(Duration.ofMinutes(59))).next();
        // Long after all three are due, the tick fires the earliest (PT1H) and leaves the
        // step, dropping the PT2H and PT3H timers: the Camunda test expects "Third Task".
        Decision late = Decider.decide(TimeRules.UTC, definition, state,
                new Input.Tick("system"), start.plus(Duration.ofHours(4)));

        assertThat(early.record().step()).isEqualTo("firstTask");
        assertThat(late.next().record().step()).isEqualTo("thirdTask");
        assertThat(late.audit()).hasSize(1);
    }

    @Test
    void runSupportTicket_completionEventWithDecisionAttribute_takesTheMatchingFlow() {
        ProcessDefinition definition = read("camunda-examples_support-ticket.bpmn");
        Instant start = Instant.parse("2024-06-03T09:00:00Z");
        InstanceState state = Decider.decide(TimeRules.UTC, definition, null,
                new Input.Start(TenantId.DEFAULT, "i-1", CustomerId.of("acme"), "test"), start)
                .next();
        CustomerEvent escalate = CustomerEvent.builder().id("e-1").type("UserTask_1.completed")
                .customerId(CustomerId.of("acme")).occurredAt(start)
                .putAttributes("do", "escalate").build();

        InstanceState next = Decider.decide(TimeRules.UTC, definition, state,
                new Input.Deliver(escalate, "crm"), start.plusSeconds(60)).next();

        assertThat(next.record().step()).isEqualTo("ServiceTask_2");
        assertThat(List.of(state.record().step())).containsExactly("UserTask_1");
    }
}
