package dev.cskit.process.io;

import dev.cskit.process.Condition;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.SlaLevel;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws a process definition as a Mermaid flowchart, for documentation and reviews.
 *
 * <p>The text, top to bottom: a front-matter title (name, key and version, in double
 * quotes); a start circle
 * pointing at the start step; one node per step in definition order, a rectangle for a
 * normal step, a double-sided box for a checklist step, a rounded stadium for an end step,
 * each labelled with the step's name and, on a second line, its SLA levels; then one arrow
 * per transition, labelled with its trigger ({@code on meeting.held if outcome equals ok},
 * {@code task contract done}, {@code after P3D} or {@code after PT8H working},
 * {@code checklist done}). Node ids are {@code step_} plus the step id with every character
 * outside {@code [A-Za-z0-9_]} replaced by {@code _} (a numeric suffix keeps them distinct);
 * double quotes in labels become {@code #quot;}.
 *
 * <pre>{@code
 * String mermaid = MermaidDiagram.of(definition);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MermaidDiagram {

    private static final String INDENT = "    ";

    private MermaidDiagram() {
    }

    /**
     * Returns the flowchart of a definition, lines ending in {@code \n}.
     *
     * @param definition the definition; it need not be valid (a dangling target is drawn
     *     as a node of its own)
     * @return the Mermaid text
     */
    public static String of(ProcessDefinition definition) {
        Map<String, String> ids = nodeIds(definition);
        StringBuilder text = new StringBuilder();
        String title = definition.name() + " (" + definition.key() + " v"
                + definition.version() + ")";
        text.append("---\n").append("title: \"")
                .append(title.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n---\n").append("flowchart TD\n");

        // The start marker, then the steps as nodes.
        text.append(INDENT).append("start((start)) --> ")
                .append(node(ids, definition.startStep())).append('\n');
        for (Step step : definition.steps()) {
            text.append(INDENT).append(ids.get(step.id())).append(shape(step)).append('\n');
        }

        // The transitions as labelled arrows.
        for (Step step : definition.steps()) {
            for (Transition transition : step.transitions()) {
                text.append(INDENT).append(ids.get(step.id())).append(" -->|\"")
                        .append(escape(label(transition.trigger()))).append("\"| ")
                        .append(node(ids, transition.target())).append('\n');
            }
        }
        return text.toString();
    }

    private static Map<String, String> nodeIds(ProcessDefinition definition) {
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Step step : definition.steps()) {
            if (!ids.containsKey(step.id())) {
                ids.put(step.id(), distinct(step.id(), taken));
            }
        }
        return ids;
    }

    private static String node(Map<String, String> ids, String stepId) {
        return ids.computeIfAbsent(stepId, id -> distinct(id, new HashSet<>(ids.values())));
    }

    private static String distinct(String stepId, Set<String> taken) {
        String base = "step_" + stepId.replaceAll("[^A-Za-z0-9_]", "_");
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private static String shape(Step step) {
        String label = "\"" + escape(step.name()) + sla(step.sla()) + "\"";
        switch (step.kind()) {
            case CHECKLIST:
                return "[[" + label + "]]";
            case END:
                return "([" + label + "])";
            default:
                return "[" + label + "]";
        }
    }

    private static String sla(List<SlaLevel> levels) {
        if (levels.isEmpty()) {
            return "";
        }
        return "<br/>SLA: " + levels.stream()
                .map(l -> l.level().label() + " " + l.after()
                        + (l.businessCalendar() ? " working" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String label(Trigger trigger) {
        switch (trigger.kind()) {
            case EVENT:
                String conditions = trigger.conditions().stream()
                        .map(MermaidDiagram::condition)
                        .collect(Collectors.joining(" and "));
                return "on " + trigger.eventType().orElseThrow()
                        + (conditions.isEmpty() ? "" : " if " + conditions);
            case TASK:
                return "task " + trigger.task().orElseThrow() + " done";
            case TIMER:
                return "after " + trigger.after().orElseThrow()
                        + (trigger.businessCalendar() ? " working" : "");
            case CHECKLIST:
                return "checklist done";
            default:
                throw new AssertionError(trigger.kind());
        }
    }

    private static String condition(Condition condition) {
        String operator = condition.operator().name().toLowerCase(Locale.ROOT);
        String values = String.join(", ", condition.values());
        return condition.attribute() + " " + camel(operator)
                + (values.isEmpty() ? "" : " " + values);
    }

    /** {@code not_equals} to {@code notEquals}, as the JSON form writes operators. */
    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\"", "#quot;").replace("\n", " ");
    }
}
