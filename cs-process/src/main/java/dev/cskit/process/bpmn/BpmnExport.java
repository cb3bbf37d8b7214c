package dev.cskit.process.bpmn;

import dev.cskit.core.InvalidInputException;
import dev.cskit.process.Condition;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a process definition as BPMN 2.0 XML with a diagram (BPMN DI), laid out left to
 * right by distance from the start, so that modelers such as Camunda Modeler and bpmn.io open
 * it. {@link BpmnImport} reads the result back to an equivalent definition: the same steps,
 * and for each step the same transitions, in the same order among those that fire on the
 * same kind of input (event type, task or timer).
 *
 * <p>What each step becomes, the mirror of the {@linkplain dev.cskit.process.bpmn import
 * table}:
 * <ul>
 *   <li>an end step: an {@code endEvent};</li>
 *   <li>a step holding one task of the step's id and name: a {@code userTask}; its task
 *       trigger a sequence flow, its {@code <stepId>.completed} event triggers an exclusive
 *       gateway with one conditioned flow each (an unconditioned last one as the default),
 *       its other event triggers interrupting message boundary events and its timers
 *       interrupting timer boundary events;</li>
 *   <li>a step without tasks with one kind of input: an {@code intermediateCatchEvent}
 *       (message or timer); with several: an {@code eventBasedGateway} followed by one catch
 *       event per kind of input.</li>
 * </ul>
 * Event types become {@code message} names; conditions become JUEL expressions.
 *
 * <p>Note: BPMN has no place for SLA levels, actions, checklist steps, several tasks or
 * task precedences, business-calendar timers, a zone, or event attributes that no condition
 * of the trigger uses. Rather than drop them, the export refuses such a definition with an
 * {@link InvalidInputException} listing each use, by path. Ids must be XML names (letters,
 * digits, {@code _ . -}, not starting with a digit) and labels single lines, since modelers
 * and the import expect both.
 *
 * <p>Stateless and thread-safe.
 */
public final class BpmnExport {

    private static final Pattern XML_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");

    private BpmnExport() {
    }

    /**
     * Writes a definition as BPMN XML.
     *
     * @param definition the definition
     * @return the XML text, UTF-8 encoded when saved
     * @throws InvalidInputException listing every part of the definition BPMN cannot hold
     */
    public static String write(ProcessDefinition definition) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        check(definition, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BpmnDrawing drawing = new BpmnDrawing(definition);
        return drawing.xml();
    }

    /**
     * Writes a definition as a BPMN file.
     *
     * @param definition the definition
     * @param file the file, replaced if it exists
     * @throws InvalidInputException listing every part of the definition BPMN cannot hold
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(ProcessDefinition definition, Path file) {
        String xml = write(definition);
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void check(ProcessDefinition definition,
            List<InvalidInputException.Problem> problems) {
        xmlName("key", definition.key(), problems);
        label("name", definition.name(), problems);
        definition.zone().ifPresent(zone -> problems.add(InvalidInputException.Problem.of(
                "zone", zone, "BPMN has no zone; export a definition without one")));
        List<Step> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            String path = "steps[" + i + "]";
            Step step = steps.get(i);
            xmlName(path + ".id", step.id(), problems);
            label(path + ".name", step.name(), problems);
            if (step.id().equals(definition.key())) {
                problems.add(InvalidInputException.Problem.of(path + ".id", step.id(),
                        "equals the definition key; BPMN ids must be unique in the file"));
            }
            step(path, step, problems);
        }
    }

    private static void step(String path, Step step,
            List<InvalidInputException.Problem> problems) {
        if (step.kind() == Step.Kind.CHECKLIST) {
            unsupported(path + ".kind", "checklist", "a checklist step", problems);
        }
        if (!step.sla().isEmpty()) {
            unsupported(path + ".sla", step.sla().size(), "SLA levels", problems);
        }
        if (!step.onEntry().isEmpty() || !step.onExit().isEmpty()) {
            unsupported(path + ".onEntry", step.onEntry().size() + step.onExit().size(),
                    "entry and exit actions", problems);
        }
        tasks(path, step, problems);
        Map<String, List<Transition>> groups = groups(step);
        for (int j = 0; j < step.transitions().size(); j++) {
            Transition transition = step.transitions().get(j);
            String at = path + ".transitions[" + j + "]";
            if (!transition.actions().isEmpty()) {
                unsupported(at + ".actions", transition.actions().size(), "actions", problems);
            }
            trigger(at + ".trigger", transition.trigger(), problems);
        }
        boolean hasTaskTrigger = groups.containsKey(taskGroup(step));
        List<Transition> completed = groups.get("event:" + step.id() + BpmnReading.COMPLETED);
        if (hasTaskTrigger && groups.get(taskGroup(step)).size() > 1) {
            problems.add(InvalidInputException.Problem.of(path + ".transitions",
                    step.id(), "has several task transitions; BPMN draws one flow out of a"
                            + " task"));
        }
        if (!step.tasks().isEmpty() && hasTaskTrigger && completed != null) {
            problems.add(InvalidInputException.Problem.of(path + ".transitions", step.id(),
                    "mixes a task transition with " + step.id() + BpmnReading.COMPLETED
                            + " events; BPMN draws one flow out of a task"));
        }
        if (!step.tasks().isEmpty() && completed != null
                && completed.stream().allMatch(t -> t.trigger().conditions().isEmpty())) {
            problems.add(InvalidInputException.Problem.of(path + ".transitions",
                    step.id() + BpmnReading.COMPLETED, "completion events need a condition"
                            + " to be drawn as a decision; use a task transition instead"));
        }
        for (Map.Entry<String, List<Transition>> group : groups.entrySet()) {
            List<Transition> list = group.getValue();
            for (int k = 0; k < list.size() - 1; k++) {
                if (group.getKey().startsWith("event:")
                        && list.get(k).trigger().conditions().isEmpty()) {
                    problems.add(InvalidInputException.Problem.of(path + ".transitions",
                            group.getKey().substring(6), "an unconditioned transition on this"
                                    + " event is followed by others on it, which never fire;"
                                    + " BPMN allows one default flow, last"));
                }
            }
        }
    }

    private static void tasks(String path, Step step,
            List<InvalidInputException.Problem> problems) {
        if (step.tasks().isEmpty()) {
            return;
        }
        Task task = step.tasks().get(0);
        boolean drawable = step.tasks().size() == 1 && task.id().equals(step.id())
                && task.name().equals(step.name()) && task.required()
                && task.requires().isEmpty();
        if (!drawable) {
            problems.add(InvalidInputException.Problem.of(path + ".tasks", step.tasks().size(),
                    "BPMN draws a step as one task of the step's id and name, required and"
                            + " without precedences"));
        }
    }

    private static void trigger(String path, Trigger trigger,
            List<InvalidInputException.Problem> problems) {
        if (trigger.businessCalendar()) {
            unsupported(path + ".businessCalendar", true, "business-calendar timers", problems);
        }
        if (trigger.kind() == Trigger.Kind.CHECKLIST) {
            unsupported(path + ".kind", "checklist", "checklist triggers", problems);
        }
        Set<String> used = new LinkedHashSet<>();
        for (int k = 0; k < trigger.conditions().size(); k++) {
            Condition condition = trigger.conditions().get(k);
            used.add(condition.attribute());
            if (!ConditionExpression.isWritable(condition.attribute())) {
                problems.add(InvalidInputException.Problem.of(path + ".conditions[" + k
                        + "].attribute", condition.attribute(), "must be a plain name (letters,"
                        + " digits, _ and dots, not a keyword) to be written as an"
                        + " expression"));
            }
            for (String value : condition.values()) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    problems.add(InvalidInputException.Problem.of(path + ".conditions[" + k
                            + "].values", value, "must not hold control characters"));
                }
            }
        }
        if (!List.copyOf(used).equals(trigger.attributes())) {
            problems.add(InvalidInputException.Problem.of(path + ".attributes",
                    trigger.attributes(), "BPMN carries attributes only through conditions;"
                            + " declare exactly the attributes the conditions test, in their"
                            + " order: " + used));
        }
    }

    private static void unsupported(String path, Object value, String what,
            List<InvalidInputException.Problem> problems) {
        problems.add(InvalidInputException.Problem.of(path, value,
                "BPMN has no place for " + what + "; export a definition without them"));
    }

    private static void xmlName(String path, String id,
            List<InvalidInputException.Problem> problems) {
        if (!XML_NAME.matcher(id).matches()) {
            problems.add(InvalidInputException.Problem.of(path, id, "must be an XML name"
                    + " (letters, digits, _ . -, not starting with a digit) to be a BPMN id"));
        }
    }

    private static void label(String path, String label,
            List<InvalidInputException.Problem> problems) {
        if (!BpmnReading.label(label).equals(label)) {
            problems.add(InvalidInputException.Problem.of(path, label, "must be one line"
                    + " without leading, trailing or repeated spaces to survive a modeler"));
        }
    }

    static String taskGroup(Step step) {
        return "task:" + step.id();
    }

    /**
     * Groups a step's transitions by the input they fire on, in order of first appearance:
     * {@code task:<id>}, {@code event:<type>}, and one group {@code timer:<n>} per timer.
     */
    static Map<String, List<Transition>> groups(Step step) {
        Map<String, List<Transition>> groups = new LinkedHashMap<>();
        int timers = 0;
        for (Transition transition : step.transitions()) {
            Trigger trigger = transition.trigger();
            String key;
            switch (trigger.kind()) {
                case TASK:
                    key = "task:" + trigger.task().orElseThrow();
                    break;
                case EVENT:
                    key = "event:" + trigger.eventType().orElseThrow();
                    break;
                case TIMER:
                    key = "timer:" + timers++;
                    break;
                default:
                    key = "checklist";
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(transition);
        }
        return groups;
    }
}
