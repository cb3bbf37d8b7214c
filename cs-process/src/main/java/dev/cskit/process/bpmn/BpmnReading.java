package dev.cskit.process.bpmn;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.DefinitionInvalidException;
import dev.cskit.process.DefinitionValidator;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Task;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One reading of one BPMN document into a definition; collects every problem first. */
final class BpmnReading {

    static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";

    /** The suffix of the event type that completes a task with decision attributes. */
    static final String COMPLETED = ".completed";

    static final Set<String> TASKS = Set.of("task", "userTask", "serviceTask", "manualTask",
            "sendTask", "receiveTask");
    private static final Set<String> NODES = union(TASKS, Set.of("startEvent", "endEvent",
            "exclusiveGateway", "eventBasedGateway", "intermediateCatchEvent",
            "boundaryEvent"));
    private static final Set<String> IGNORED_IN_PROCESS = Set.of("documentation",
            "extensionElements", "laneSet", "textAnnotation", "association");
    private static final Set<String> IGNORED_IN_DEFINITIONS = Set.of("documentation",
            "extensionElements", "itemDefinition", "category");
    private static final Set<String> IGNORED_IN_NODE = Set.of("incoming", "outgoing",
            "documentation", "extensionElements", "performer", "humanPerformer",
            "potentialOwner");
    private static final Set<String> WAITED_EVENTS = Set.of("messageEventDefinition",
            "signalEventDefinition", "timerEventDefinition");

    private final XmlElement root;
    private final String source;
    private final LifecycleStage stage;
    private final int version;
    private final List<InvalidInputException.Problem> problems = new ArrayList<>();
    private final Map<String, String> messages = new HashMap<>();
    private final Map<String, String> signals = new HashMap<>();
    private final Map<String, XmlElement> nodes = new LinkedHashMap<>();
    private final List<XmlElement> flows = new ArrayList<>();
    private final Map<String, XmlElement> flowsById = new HashMap<>();
    private final Map<String, List<Condition>> flowConditions = new HashMap<>();
    private final Set<String> absorbedEvents = new HashSet<>();
    private XmlElement process;

    BpmnReading(XmlElement root, String source, LifecycleStage stage, int version) {
        this.root = root;
        this.source = source;
        this.stage = stage;
        this.version = version;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    ProcessDefinition definition() {
        definitions();
        if (process == null) {
            throw failure();
        }
        elements();
        flows();
        eventGateways();
        List<Step> steps = steps();
        String start = startStep();
        if (!problems.isEmpty()) {
            throw failure();
        }
        ProcessDefinition definition = build(steps, start);
        if (!problems.isEmpty()) {
            throw failure();
        }
        return definition;
    }

    private InvalidInputException failure() {
        return new InvalidInputException(problems);
    }

    private void problem(XmlElement element, String value, String rule) {
        problems.add(new InvalidInputException.Problem(element.describe(), value, rule,
                Optional.of(element.location())));
    }

    private void unsupported(XmlElement element, String why) {
        problem(element, element.id().isEmpty() ? null : element.id(),
                "'" + element.name() + "' " + why + "; supported: see the cskit BPMN subset");
    }

    // Reading the document's elements.

    private void definitions() {
        if (root == null || !root.namespace().equals(MODEL)
                || !root.name().equals("definitions")) {
            String found = root == null ? null : "{" + root.namespace() + "}" + root.name();
            problems.add(new InvalidInputException.Problem("definitions", found,
                    "the root element must be BPMN 2.0 'definitions' in namespace " + MODEL,
                    Optional.of(root == null ? new InvalidInputException.Location(source, 0, 0)
                            : root.location())));
            return;
        }
        List<XmlElement> processes = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (child.namespace().equals(DI)) {
                continue;
            }
            if (!child.namespace().equals(MODEL)) {
                unsupported(child, "is not a BPMN element and stands outside extensionElements");
                continue;
            }
            switch (child.name()) {
                case "process":
                    processes.add(child);
                    break;
                case "message":
                    messages.put(child.id(), child.attribute("name").orElse(child.id()));
                    break;
                case "signal":
                    signals.put(child.id(), child.attribute("name").orElse(child.id()));
                    break;
                case "collaboration":
                    collaboration(child);
                    break;
                default:
                    if (!IGNORED_IN_DEFINITIONS.contains(child.name())) {
                        unsupported(child, "is not in the supported subset");
                    }
            }
        }
        if (processes.isEmpty()) {
            problem(root, root.id(), "holds no 'process' element");
        } else {
            process = processes.get(0);
            for (XmlElement other : processes.subList(1, processes.size())) {
                unsupported(other, "is a second process; a file must hold exactly one");
            }
        }
    }

    private void collaboration(XmlElement collaboration) {
        for (XmlElement child : collaboration.children()) {
            boolean harmless = child.name().equals("participant")
                    || child.name().equals("documentation")
                    || child.name().equals("extensionElements");
            if (!harmless) {
                unsupported(child, "in a collaboration is not in the supported subset (a"
                        + " single pool is)");
            }
        }
    }

    private void elements() {
        for (XmlElement child : process.children()) {
            if (!child.namespace().equals(MODEL)) {
                unsupported(child, "is not a BPMN element and stands outside extensionElements");
            } else if (child.name().equals("sequenceFlow")) {
                register(child, flowsById);
                flows.add(child);
            } else if (NODES.contains(child.name())) {
                register(child, nodes);
                node(child);
            } else if (!IGNORED_IN_PROCESS.contains(child.name())) {
                unsupported(child, "is not in the supported subset");
            }
        }
    }

    private void register(XmlElement element, Map<String, XmlElement> into) {
        if (element.id().isEmpty()) {
            problem(element, null, "needs an id");
        } else if (nodes.containsKey(element.id()) || flowsById.containsKey(element.id())) {
            problem(element, element.id(), "duplicates the id of another element");
        } else {
            into.put(element.id(), element);
        }
    }

    /** Checks a flow node's children and attributes. */
    private void node(XmlElement node) {
        List<XmlElement> definitions = new ArrayList<>();
        for (XmlElement child : node.children()) {
            if (child.name().endsWith("EventDefinition") || child.name().equals(
                    "eventDefinitionRef")) {
                definitions.add(child);
            } else if (!IGNORED_IN_NODE.contains(child.name())) {
                unsupported(child, "inside " + node.describe() + " is not in the supported"
                        + " subset");
            }
        }
        String type = node.name();
        if (type.equals("startEvent") || (type.equals("endEvent") && !definitions.isEmpty()
                && !onlyTerminate(definitions))) {
            for (XmlElement definition : definitions) {
                unsupported(definition, "on a " + type + " is not supported: only a plain "
                        + (type.equals("startEvent") ? "start" : "or terminate end")
                        + " event is");
            }
        } else if (type.equals("intermediateCatchEvent") || type.equals("boundaryEvent")) {
            waitedEvent(node, definitions);
        } else if (!type.equals("endEvent")) {
            for (XmlElement definition : definitions) {
                unsupported(definition, "is not allowed in " + node.describe());
            }
        }
        if (type.equals("boundaryEvent")) {
            boundary(node);
        }
        if (node.attribute("isForCompensation").orElse("false").equals("true")) {
            unsupported(node, "is a compensation activity, which is not supported");
        }
    }

    private static boolean onlyTerminate(List<XmlElement> definitions) {
        return definitions.stream().allMatch(d -> d.name().equals("terminateEventDefinition"));
    }

    private void waitedEvent(XmlElement event, List<XmlElement> definitions) {
        if (definitions.size() != 1) {
            problem(event, event.id(), "needs exactly one message, signal or timer event"
                    + " definition; it has " + definitions.size());
            return;
        }
        XmlElement definition = definitions.get(0);
        if (!WAITED_EVENTS.contains(definition.name())) {
            unsupported(definition, "in " + event.describe() + " is not supported: only"
                    + " message, signal and timer events are");
        } else if (definition.name().equals("timerEventDefinition")) {
            timer(event, definition);
        } else {
            eventType(event, definition);
        }
    }

    private void boundary(XmlElement event) {
        if (event.attribute("cancelActivity").orElse("true").equals("false")) {
            unsupported(event, "is non-interrupting (cancelActivity=\"false\"); only"
                    + " interrupting boundary events are supported");
        }
        String attachedTo = event.attribute("attachedToRef").orElse("");
        XmlElement task = nodes.get(attachedTo);
        if (task == null && process.children().stream().noneMatch(
                c -> c.id().equals(attachedTo) && TASKS.contains(c.name()))) {
            problem(event, attachedTo, "attachedToRef must name a task of the process");
        } else if (task != null && !TASKS.contains(task.name())) {
            problem(event, attachedTo, "is attached to a " + task.name()
                    + "; boundary events are supported on tasks only");
        }
    }

    /** @return the timer's delay, or empty after recording why there is none */
    Optional<Delay> timer(XmlElement event, XmlElement definition) {
        for (XmlElement child : definition.children()) {
            if (child.name().equals("timeDate") || child.name().equals("timeCycle")) {
                unsupported(child, "in " + event.describe() + " is not supported: timers"
                        + " wait a timeDuration (ISO-8601, such as PT5M or P1D)");
                return Optional.empty();
            }
        }
        List<XmlElement> durations = definition.children(MODEL, "timeDuration");
        if (durations.size() != 1) {
            problem(event, event.id(), "a timer needs one timeDuration (ISO-8601, such as"
                    + " PT5M or P1D)");
            return Optional.empty();
        }
        String text = durations.get(0).text().trim();
        try {
            return Optional.of(Delay.parse(text));
        } catch (InvalidInputException e) {
            problem(durations.get(0), text, "timeDuration of " + event.describe() + ": "
                    + e.problems().get(0).rule());
            return Optional.empty();
        }
    }

    /** @return the event type a message or signal event waits for, or empty */
    Optional<String> eventType(XmlElement event, XmlElement definition) {
        boolean message = definition.name().equals("messageEventDefinition");
        String refAttribute = message ? "messageRef" : "signalRef";
        Optional<String> ref = definition.attribute(refAttribute);
        Map<String, String> names = message ? messages : signals;
        String type;
        if (ref.isPresent()) {
            type = names.get(ref.get());
            if (type == null) {
                problem(definition, ref.get(), refAttribute + " must name a "
                        + (message ? "message" : "signal") + " of the file");
                return Optional.empty();
            }
        } else {
            type = event.attribute("name").map(BpmnReading::label).orElse("");
        }
        if (type.isBlank() || type.length() > 200) {
            problem(event, type, "a message or signal event needs a " + refAttribute
                    + " or a name of 1 to 200 characters: it is the cskit event type");
            return Optional.empty();
        }
        return Optional.of(type);
    }

    private void flows() {
        for (XmlElement flow : flows) {
            Optional<XmlElement> from = endpoint(flow, "sourceRef");
            Optional<XmlElement> to = endpoint(flow, "targetRef");
            if (to.isPresent() && (to.get().name().equals("startEvent")
                    || to.get().name().equals("boundaryEvent"))) {
                problem(flow, to.get().id(), "a sequence flow cannot lead into a "
                        + to.get().name());
            }
            List<XmlElement> expressions = flow.children(MODEL, "conditionExpression");
            if (expressions.isEmpty()) {
                continue;
            }
            if (from.isPresent() && !from.get().name().equals("exclusiveGateway")) {
                problem(flow, expressions.get(0).text().trim(), "a condition is supported"
                        + " only on a flow out of an exclusive gateway, not out of a "
                        + from.get().name());
                continue;
            }
            condition(flow, expressions.get(0));
        }
        for (XmlElement node : nodes.values()) {
            if (node.name().equals("exclusiveGateway")) {
                gatewayFlows(node);
            }
        }
    }

    private Optional<XmlElement> endpoint(XmlElement flow, String attribute) {
        String ref = flow.attribute(attribute).orElse("");
        XmlElement node = nodes.get(ref);
        if (node == null) {
            boolean known = process.children().stream().anyMatch(c -> c.id().equals(ref));
            if (!known) {
                problem(flow, ref, attribute + " must name a flow node of the process");
            }
        }
        return Optional.ofNullable(node);
    }

    private void condition(XmlElement flow, XmlElement expression) {
        String text = expression.text().trim();
        String language = expression.attribute("language").orElse("");
        String lower = language.toLowerCase(Locale.ROOT);
        if (!language.isEmpty() && !lower.contains("juel") && !lower.contains("feel")) {
            problem(flow, text, "is a script condition (language '" + language + "');"
                    + " only simple JUEL or FEEL comparisons are supported");
            return;
        }
        try {
            flowConditions.put(flow.id(), ConditionExpression.read(text));
        } catch (ConditionExpression.Unreadable e) {
            problem(flow, text, "the condition " + e.getMessage() + "; supported are simple"
                    + " comparisons such as ${approved}, ${x == 'y'} or =x = \"y\"");
        }
    }

    private void gatewayFlows(XmlElement gateway) {
        List<XmlElement> out = outgoing(gateway.id());
        String defaultFlow = gateway.attribute("default").orElse("");
        for (XmlElement flow : out) {
            boolean conditioned = !flow.children(MODEL, "conditionExpression").isEmpty();
            boolean isDefault = flow.id().equals(defaultFlow);
            if (isDefault && conditioned) {
                problem(flow, flow.id(), "is the default flow of " + gateway.describe()
                        + " and must not carry a condition");
            } else if (!isDefault && !conditioned && out.size() > 1) {
                problem(flow, flow.id(), "leaves " + gateway.describe() + " with other flows;"
                        + " it needs a condition or to be the gateway's default flow");
            }
        }
        if (out.isEmpty()) {
            problem(gateway, gateway.id(), "has no outgoing sequence flow");
        }
    }

    private void eventGateways() {
        for (XmlElement gateway : nodes.values()) {
            if (!gateway.name().equals("eventBasedGateway")) {
                continue;
            }
            for (XmlElement flow : outgoing(gateway.id())) {
                XmlElement target = nodes.get(flow.attribute("targetRef").orElse(""));
                if (target == null) {
                    continue;
                }
                if (!target.name().equals("intermediateCatchEvent")) {
                    problem(flow, target.id(), "leaves an event-based gateway, so it must lead"
                            + " to an intermediate catch event, not a " + target.name());
                } else if (incoming(target.id()).size() != 1) {
                    problem(target, target.id(), "follows an event-based gateway, so its only"
                            + " incoming flow must be the gateway's");
                } else {
                    absorbedEvents.add(target.id());
                }
            }
        }
    }

    private List<XmlElement> outgoing(String nodeId) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement flow : flows) {
            if (flow.attribute("sourceRef").orElse("").equals(nodeId)) {
                out.add(flow);
            }
        }
        return out;
    }

    private List<XmlElement> incoming(String nodeId) {
        List<XmlElement> in = new ArrayList<>();
        for (XmlElement flow : flows) {
            if (flow.attribute("targetRef").orElse("").equals(nodeId)) {
                in.add(flow);
            }
        }
        return in;
    }

    // Building steps and transitions.

    private boolean isStep(XmlElement node) {
        String type = node.name();
        return TASKS.contains(type) || type.equals("endEvent")
                || type.equals("eventBasedGateway")
                || (type.equals("intermediateCatchEvent") && !absorbedEvents.contains(node.id()));
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (XmlElement node : nodes.values()) {
            if (!isStep(node)) {
                continue;
            }
            Step.Builder step = Step.builder().id(node.id());
            Optional<String> name = node.attribute("name").map(BpmnReading::label)
                    .filter(n -> !n.isEmpty());
            name.ifPresent(step::name);
            try {
                if (node.name().equals("endEvent")) {
                    step.kind(Step.Kind.END);
                    for (XmlElement flow : outgoing(node.id())) {
                        problem(flow, flow.id(), "leaves an end event");
                    }
                } else if (TASKS.contains(node.name())) {
                    Task.Builder task = Task.builder().id(node.id());
                    name.ifPresent(task::name);
                    step.addTasks(task.build());
                    step.addAllTransitions(taskTransitions(node));
                } else if (node.name().equals("eventBasedGateway")) {
                    for (XmlElement flow : outgoing(node.id())) {
                        XmlElement event = nodes.get(flow.attribute("targetRef").orElse(""));
                        if (event != null && absorbedEvents.contains(event.id())) {
                            step.addAllTransitions(eventTransitions(event));
                        }
                    }
                } else {
                    step.addAllTransitions(eventTransitions(node));
                }
                steps.add(step.build());
            } catch (InvalidInputException e) {
                problem(node, node.id(), e.problems().get(0).toString());
            }
        }
        return steps;
    }

    private List<Transition> taskTransitions(XmlElement task) {
        List<Transition> transitions = new ArrayList<>();
        List<XmlElement> out = outgoing(task.id());
        if (out.isEmpty()) {
            problem(task, task.id(), "has no outgoing sequence flow; draw an end event after"
                    + " it");
        } else if (out.size() > 1) {
            problem(task, task.id(), "has " + out.size() + " outgoing sequence flows, an"
                    + " implicit parallel split; lead them through an exclusive gateway");
        } else {
            List<Path> paths = paths(out.get(0));
            boolean decided = paths.stream().anyMatch(p -> !p.conditions.isEmpty());
            for (Path path : paths) {
                Trigger trigger = decided
                        ? eventTrigger(task.id() + COMPLETED, path.conditions)
                        : Trigger.onTask(task.id());
                transitions.add(Transition.to(path.target, trigger));
            }
        }
        for (XmlElement node : nodes.values()) {
            boolean attached = node.name().equals("boundaryEvent")
                    && node.attribute("attachedToRef").orElse("").equals(task.id());
            if (attached) {
                transitions.addAll(eventTransitions(node));
            }
        }
        return transitions;
    }

    /** The transitions out of a catch or boundary event (one step's way out). */
    private List<Transition> eventTransitions(XmlElement event) {
        List<XmlElement> out = outgoing(event.id());
        if (out.size() != 1) {
            problem(event, event.id(), "needs exactly one outgoing sequence flow; it has "
                    + out.size());
            return List.of();
        }
        XmlElement definition = event.children().stream()
                .filter(c -> WAITED_EVENTS.contains(c.name())).findFirst().orElse(null);
        if (definition == null) {
            return List.of();
        }
        List<Transition> transitions = new ArrayList<>();
        if (definition.name().equals("timerEventDefinition")) {
            Optional<Delay> delay = timerDelay(definition);
            for (Path path : paths(out.get(0))) {
                if (!path.conditions.isEmpty()) {
                    problem(path.firstFlow, path.target, "a timer's way out cannot depend on"
                            + " conditions");
                }
                delay.ifPresent(d -> transitions.add(Transition.to(path.target,
                        Trigger.after(d))));
            }
            return transitions;
        }
        Optional<String> type = eventTypeQuietly(event, definition);
        for (Path path : paths(out.get(0))) {
            type.ifPresent(t -> transitions.add(Transition.to(path.target,
                    eventTrigger(t, path.conditions))));
        }
        return transitions;
    }

    private Optional<Delay> timerDelay(XmlElement definition) {
        List<XmlElement> durations = definition.children(MODEL, "timeDuration");
        if (durations.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Delay.parse(durations.get(0).text().trim()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private Optional<String> eventTypeQuietly(XmlElement event, XmlElement definition) {
        int before = problems.size();
        Optional<String> type = eventType(event, definition);
        while (problems.size() > before) {
            problems.remove(problems.size() - 1);
        }
        return type;
    }

    private static Trigger eventTrigger(String type, List<Condition> conditions) {
        Set<String> attributes = new LinkedHashSet<>();
        for (Condition condition : conditions) {
            attributes.add(condition.attribute());
        }
        return Trigger.builder().kind(Trigger.Kind.EVENT).eventType(type)
                .addAllAttributes(attributes).addAllConditions(conditions).build();
    }

    /** A way from a flow, through exclusive gateways, to a step. */
    private static final class Path {
        final String target;
        final List<Condition> conditions;
        final XmlElement firstFlow;

        Path(String target, List<Condition> conditions, XmlElement firstFlow) {
            this.target = target;
            this.conditions = conditions;
            this.firstFlow = firstFlow;
        }
    }

    private List<Path> paths(XmlElement flow) {
        List<Path> paths = new ArrayList<>();
        follow(flow, flow, List.of(), new LinkedHashSet<>(), paths);
        return paths;
    }

    private void follow(XmlElement first, XmlElement flow, List<Condition> before,
            Set<String> gateways, List<Path> into) {
        List<Condition> conditions = new ArrayList<>(before);
        conditions.addAll(flowConditions.getOrDefault(flow.id(), List.of()));
        XmlElement target = nodes.get(flow.attribute("targetRef").orElse(""));
        if (target == null) {
            return;
        }
        if (isStep(target)) {
            into.add(new Path(target.id(), conditions, first));
            return;
        }
        if (!target.name().equals("exclusiveGateway")) {
            problem(flow, target.id(), "leads to a " + target.name() + ", which is not a step"
                    + " or an exclusive gateway");
            return;
        }
        if (!gateways.add(target.id())) {
            problem(target, target.id(), "lies on a cycle of gateways with no step between");
            return;
        }
        String defaultFlow = target.attribute("default").orElse("");
        XmlElement fallback = null;
        for (XmlElement next : outgoing(target.id())) {
            if (next.id().equals(defaultFlow)) {
                fallback = next;
            } else {
                follow(first, next, conditions, gateways, into);
            }
        }
        if (fallback != null) {
            follow(first, fallback, conditions, gateways, into);
        }
        gateways.remove(target.id());
    }

    private String startStep() {
        List<XmlElement> starts = new ArrayList<>();
        for (XmlElement node : nodes.values()) {
            if (node.name().equals("startEvent")) {
                starts.add(node);
            }
        }
        if (starts.size() != 1) {
            problem(process, process.id(), "needs exactly one start event; it has "
                    + starts.size());
            return null;
        }
        XmlElement start = starts.get(0);
        List<XmlElement> out = outgoing(start.id());
        if (out.size() != 1) {
            problem(start, start.id(), "needs exactly one outgoing sequence flow; it has "
                    + out.size());
            return null;
        }
        List<Path> paths = paths(out.get(0));
        if (paths.size() != 1 || !paths.get(0).conditions.isEmpty()) {
            problem(start, start.id(), "must lead to one step without conditions");
            return null;
        }
        return paths.get(0).target;
    }

    private ProcessDefinition build(List<Step> steps, String start) {
        ProcessDefinition definition;
        try {
            ProcessDefinition.Builder builder = ProcessDefinition.builder()
                    .key(process.id()).version(version).stage(stage).startStep(start);
            process.attribute("name").map(BpmnReading::label).filter(n -> !n.isEmpty())
                    .ifPresent(builder::name);
            definition = builder.addAllSteps(steps).build();
        } catch (InvalidInputException e) {
            problem(process, process.id(), e.problems().get(0).toString());
            return null;
        }
        List<DefinitionInvalidException.Problem> invalid =
                DefinitionValidator.forActionTypes(Set.of()).problems(definition);
        for (DefinitionInvalidException.Problem found : invalid) {
            XmlElement where = process;
            String path = found.path();
            if (path.startsWith("steps[")) {
                int index = Integer.parseInt(path.substring(6, path.indexOf(']')));
                where = nodes.getOrDefault(steps.get(index).id(), process);
            }
            problem(where, found.value(), "the imported definition cannot run: " + found);
        }
        return definition;
    }

    /** @return a modeler's label as one line: line breaks and runs of spaces become one */
    static String label(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
