package dev.cskit.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a process definition can run, and reports every problem at once with its path.
 *
 * <p>It finds: a start step that does not exist; duplicate step ids; transitions to steps
 * that do not exist; steps no path from the start reaches; non-end steps with no transition
 * out, and end steps with one; timers and SLA levels whose delay is zero or negative, and
 * business-calendar delays that are not whole days or exact durations; duplicate SLA levels
 * in a step; actions whose type has no registered handler; conditions on an attribute that
 * no event trigger of that event type declares; task triggers naming no task of the step;
 * checklist triggers outside checklist steps and checklist steps without a required task;
 * duplicate task ids, precedences naming no task of the step, and precedence cycles.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DefinitionValidator {

    private final Set<String> actionTypes;

    private DefinitionValidator(Set<String> actionTypes) {
        this.actionTypes = Set.copyOf(actionTypes);
    }

    /**
     * Returns a validator that accepts the given action types.
     *
     * @param actionTypes the types an application registered handlers for
     * @return the validator
     */
    public static DefinitionValidator forActionTypes(Set<String> actionTypes) {
        return new DefinitionValidator(actionTypes);
    }

    /**
     * Finds every problem of a definition.
     *
     * @param definition the definition
     * @return the problems in definition order; empty when it can run
     */
    public List<DefinitionInvalidException.Problem> problems(ProcessDefinition definition) {
        Check check = new Check(definition);
        check.steps();
        return check.problems;
    }

    /**
     * Checks a definition and throws if it cannot run.
     *
     * @param definition the definition
     * @return the definition, for chaining
     * @throws DefinitionInvalidException carrying every problem, if there is any
     */
    public ProcessDefinition validate(ProcessDefinition definition) {
        List<DefinitionInvalidException.Problem> problems = problems(definition);
        if (!problems.isEmpty()) {
            throw new DefinitionInvalidException(definition.key(), definition.version(),
                    problems);
        }
        return definition;
    }

    /** One run of the checks over one definition. */
    private final class Check {

        private final ProcessDefinition definition;
        private final List<DefinitionInvalidException.Problem> problems = new ArrayList<>();
        private final Map<String, Integer> stepIndex = new HashMap<>();
        private final Map<String, Set<String>> declaredAttributes = new HashMap<>();

        Check(ProcessDefinition definition) {
            this.definition = definition;
        }

        void problem(String path, Object value, String rule) {
            problems.add(new DefinitionInvalidException.Problem(path,
                    value == null ? null : String.valueOf(value), rule));
        }

        void steps() {
            List<Step> steps = definition.steps();
            if (steps.isEmpty()) {
                problem("steps", null, "must hold at least one step");
            }
            for (int i = 0; i < steps.size(); i++) {
                Integer earlier = stepIndex.putIfAbsent(steps.get(i).id(), i);
                if (earlier != null) {
                    problem("steps[" + i + "].id", steps.get(i).id(),
                            "duplicates the id of steps[" + earlier + "]");
                }
                collectAttributes(steps.get(i));
            }
            if (!stepIndex.containsKey(definition.startStep())) {
                problem("startStep", definition.startStep(), "must be the id of a step");
            }
            for (int i = 0; i < steps.size(); i++) {
                step("steps[" + i + "]", steps.get(i));
            }
            reachability();
        }

        void collectAttributes(Step step) {
            for (Transition transition : step.transitions()) {
                Trigger trigger = transition.trigger();
                if (trigger.kind() == Trigger.Kind.EVENT) {
                    declaredAttributes.computeIfAbsent(trigger.eventType().orElseThrow(),
                            k -> new HashSet<>()).addAll(trigger.attributes());
                }
            }
        }

        void step(String path, Step step) {
            if (step.isEnd() && !step.transitions().isEmpty()) {
                problem(path + ".transitions", step.transitions().size(),
                        "an end step must have no transitions");
            }
            if (!step.isEnd() && step.transitions().isEmpty()) {
                problem(path + ".transitions", null,
                        "a step that is not an end needs at least one transition out");
            }
            if (step.kind() == Step.Kind.CHECKLIST
                    && step.tasks().stream().noneMatch(Task::required)) {
                problem(path + ".tasks", null, "a checklist step needs a required task");
            }
            tasks(path, step);
            sla(path, step);
            actions(path + ".onEntry", step.onEntry());
            actions(path + ".onExit", step.onExit());
            for (int j = 0; j < step.transitions().size(); j++) {
                transition(path + ".transitions[" + j + "]", step, step.transitions().get(j));
            }
        }

        void transition(String path, Step step, Transition transition) {
            if (!stepIndex.containsKey(transition.target())) {
                problem(path + ".target", transition.target(), "must be the id of a step");
            }
            Trigger trigger = transition.trigger();
            switch (trigger.kind()) {
                case EVENT:
                    conditions(path + ".trigger", trigger);
                    break;
                case TASK:
                    String task = trigger.task().orElseThrow();
                    if (step.task(task).isEmpty()) {
                        problem(path + ".trigger.task", task, "must be a task of the step");
                    }
                    break;
                case TIMER:
                    delay(path + ".trigger.after", trigger.after().orElseThrow(),
                            trigger.businessCalendar());
                    break;
                case CHECKLIST:
                    if (step.kind() != Step.Kind.CHECKLIST) {
                        problem(path + ".trigger.kind", "checklist",
                                "is allowed only in a checklist step");
                    }
                    break;
                default:
                    throw new AssertionError(trigger.kind());
            }
            actions(path + ".actions", transition.actions());
        }

        void conditions(String path, Trigger trigger) {
            Set<String> declared = declaredAttributes.getOrDefault(
                    trigger.eventType().orElseThrow(), Set.of());
            for (int k = 0; k < trigger.conditions().size(); k++) {
                String attribute = trigger.conditions().get(k).attribute();
                if (!declared.contains(attribute)) {
                    problem(path + ".conditions[" + k + "].attribute", attribute,
                            "no event trigger of type '" + trigger.eventType().orElseThrow()
                                    + "' declares this attribute; declared: "
                                    + new java.util.TreeSet<>(declared));
                }
            }
        }

        void delay(String path, Delay delay, boolean business) {
            if (!delay.isPositive()) {
                problem(path, delay, "must be longer than zero");
            }
            boolean wholeDays = delay.calendar()
                    .map(p -> p.getMonths() == 0 && p.getYears() == 0).orElse(true);
            if (business && !wholeDays) {
                problem(path, delay, "a business-calendar delay must be days (P5D) or an"
                        + " exact working time (PT8H), not months or years");
            }
        }

        void sla(String path, Step step) {
            Set<SlaLevel.Level> seen = new HashSet<>();
            for (int k = 0; k < step.sla().size(); k++) {
                SlaLevel level = step.sla().get(k);
                if (!seen.add(level.level())) {
                    problem(path + ".sla[" + k + "].level", level.level().label(),
                            "appears more than once in the step");
                }
                delay(path + ".sla[" + k + "].after", level.after(),
                        level.businessCalendar());
            }
            if (step.isEnd() && !step.sla().isEmpty()) {
                problem(path + ".sla", null, "an end step has no SLA: nobody stays in it");
            }
        }

        void actions(String path, List<Action> actions) {
            for (int k = 0; k < actions.size(); k++) {
                String type = actions.get(k).type();
                if (!actionTypes.contains(type)) {
                    problem(path + "[" + k + "].type", type, "no handler is registered for"
                            + " this action type; registered: "
                            + new java.util.TreeSet<>(actionTypes));
                }
            }
        }

        void tasks(String path, Step step) {
            Map<String, Integer> taskIndex = new HashMap<>();
            for (int k = 0; k < step.tasks().size(); k++) {
                Integer earlier = taskIndex.putIfAbsent(step.tasks().get(k).id(), k);
                if (earlier != null) {
                    problem(path + ".tasks[" + k + "].id", step.tasks().get(k).id(),
                            "duplicates the id of tasks[" + earlier + "]");
                }
            }
            for (int k = 0; k < step.tasks().size(); k++) {
                List<String> requires = step.tasks().get(k).requires();
                for (int r = 0; r < requires.size(); r++) {
                    if (!taskIndex.containsKey(requires.get(r))) {
                        problem(path + ".tasks[" + k + "].requires[" + r + "]", requires.get(r),
                                "must be the id of a task of the step");
                    }
                }
            }
            cycles(path, step, taskIndex);
        }

        /** Reports each task that lies on a precedence cycle, once. */
        void cycles(String path, Step step, Map<String, Integer> taskIndex) {
            Map<String, List<String>> edges = new HashMap<>();
            for (Task task : step.tasks()) {
                edges.putIfAbsent(task.id(), task.requires());
            }
            Set<String> reported = new HashSet<>();
            for (int k = 0; k < step.tasks().size(); k++) {
                String start = step.tasks().get(k).id();
                if (reported.contains(start) || taskIndex.get(start) != k) {
                    continue;
                }
                List<String> cycle = cycleThrough(start, edges);
                if (!cycle.isEmpty()) {
                    reported.addAll(cycle);
                    problem(path + ".tasks[" + k + "].requires", String.join(" -> ", cycle),
                            "task precedences must not form a cycle");
                }
            }
        }

        /** Returns a path start -> ... -> start through the precedences, or empty. */
        List<String> cycleThrough(String start, Map<String, List<String>> edges) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.add(List.of(start));
            Set<String> visited = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> current = paths.poll();
                String last = current.get(current.size() - 1);
                for (String next : edges.getOrDefault(last, List.of())) {
                    List<String> longer = new ArrayList<>(current);
                    longer.add(next);
                    if (next.equals(start)) {
                        return longer;
                    }
                    if (visited.add(next)) {
                        paths.add(longer);
                    }
                }
            }
            return List.of();
        }

        void reachability() {
            if (!stepIndex.containsKey(definition.startStep())) {
                return;
            }
            Set<String> reached = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(definition.startStep());
            reached.add(definition.startStep());
            while (!queue.isEmpty()) {
                Step step = definition.steps().get(stepIndex.get(queue.poll()));
                for (Transition transition : step.transitions()) {
                    if (stepIndex.containsKey(transition.target())
                            && reached.add(transition.target())) {
                        queue.add(transition.target());
                    }
                }
            }
            for (int i = 0; i < definition.steps().size(); i++) {
                String id = definition.steps().get(i).id();
                if (!reached.contains(id)) {
                    problem("steps[" + i + "]", id,
                            "is unreachable: no path from the start step leads to it");
                }
            }
        }
    }
}
