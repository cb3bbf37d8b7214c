package dev.cskit.process.bpmn;

import dev.cskit.process.Condition;
import dev.cskit.process.Delay;
import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The BPMN nodes and flows of one checked definition, laid out on a grid, and their XML.
 */
final class BpmnDrawing {

    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI_SHAPES = "http://www.omg.org/spec/DD/20100524/DI";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final int COLUMN = 180;
    private static final int ROW = 140;

    /** A flow node to write. */
    private static final class Node {
        final String id;
        final String type;
        final String name;
        String attachedTo;
        Delay timer;
        String messageId;
        String defaultFlow;
        final List<String> incoming = new ArrayList<>();
        final List<String> outgoing = new ArrayList<>();
        double x;
        double y;

        Node(String id, String type, String name) {
            this.id = id;
            this.type = type;
            this.name = name;
        }

        double width() {
            return type.equals("userTask") ? 100 : type.endsWith("Gateway") ? 50 : 36;
        }

        double height() {
            return type.equals("userTask") ? 80 : type.endsWith("Gateway") ? 50 : 36;
        }
    }

    /** A sequence flow to write. */
    private record Flow(String id, String source, String target, String expression) {
    }

    private final ProcessDefinition definition;
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Flow> flows = new ArrayList<>();
    private final Map<String, String> messages = new LinkedHashMap<>();
    private final String startId;

    BpmnDrawing(ProcessDefinition definition) {
        this.definition = definition;
        used.add(definition.key());
        for (Step step : definition.steps()) {
            used.add(step.id());
        }
        startId = fresh("StartEvent");
        add(new Node(startId, "startEvent", null));
        for (Step step : definition.steps()) {
            add(new Node(step.id(), type(step), step.name().equals(step.id()) ? null
                    : step.name()));
        }
        flow(startId, definition.startStep(), null);
        for (Step step : definition.steps()) {
            ways(step);
        }
        layout();
    }

    private static String type(Step step) {
        if (step.isEnd()) {
            return "endEvent";
        }
        if (!step.tasks().isEmpty()) {
            return "userTask";
        }
        return BpmnExport.groups(step).size() == 1 ? "intermediateCatchEvent"
                : "eventBasedGateway";
    }

    private String fresh(String prefix) {
        String id;
        do {
            int n = counters.merge(prefix, 1, Integer::sum);
            id = prefix + "_" + n;
        } while (!used.add(id));
        return id;
    }

    private void add(Node node) {
        nodes.put(node.id, node);
    }

    private void flow(String source, String target, String expression) {
        Flow flow = new Flow(fresh("Flow"), source, target, expression);
        flows.add(flow);
        nodes.get(source).outgoing.add(flow.id);
        nodes.get(target).incoming.add(flow.id);
    }

    private String message(String eventType) {
        return messages.computeIfAbsent(eventType, t -> fresh("Message"));
    }

    // Building the nodes and flows of each step's ways out.

    private void ways(Step step) {
        Node stepNode = nodes.get(step.id());
        for (Map.Entry<String, List<Transition>> group : BpmnExport.groups(step).entrySet()) {
            List<Transition> transitions = group.getValue();
            Trigger first = transitions.get(0).trigger();
            if (stepNode.type.equals("userTask")) {
                boolean completion = first.kind() == Trigger.Kind.TASK
                        || first.eventType().orElse("").equals(step.id()
                                + BpmnReading.COMPLETED);
                if (completion) {
                    decide(step.id(), transitions);
                } else {
                    Node boundary = waiting(fresh("Event"), "boundaryEvent", first);
                    boundary.attachedTo = step.id();
                    decide(boundary.id, transitions);
                }
            } else if (stepNode.type.equals("intermediateCatchEvent")) {
                stepNode.timer = first.after().orElse(null);
                stepNode.messageId = first.eventType().map(this::message).orElse(null);
                decide(step.id(), transitions);
            } else {
                Node event = waiting(fresh("Event"), "intermediateCatchEvent", first);
                flow(step.id(), event.id, null);
                decide(event.id, transitions);
            }
        }
    }

    private Node waiting(String id, String type, Trigger trigger) {
        Node node = new Node(id, type, trigger.eventType().orElse(null));
        node.timer = trigger.after().orElse(null);
        node.messageId = trigger.eventType().map(this::message).orElse(null);
        add(node);
        return node;
    }

    /** From a node, the flows to the transitions' targets: direct, or through a gateway. */
    private void decide(String from, List<Transition> transitions) {
        if (transitions.size() == 1 && transitions.get(0).trigger().conditions().isEmpty()) {
            flow(from, transitions.get(0).target(), null);
            return;
        }
        Node gateway = new Node(fresh("Gateway"), "exclusiveGateway", null);
        add(gateway);
        flow(from, gateway.id, null);
        for (Transition transition : transitions) {
            List<Condition> conditions = transition.trigger().conditions();
            flow(gateway.id, transition.target(),
                    conditions.isEmpty() ? null : ConditionExpression.write(conditions));
            if (conditions.isEmpty()) {
                gateway.defaultFlow = flows.get(flows.size() - 1).id();
            }
        }
    }

    // Layout: columns by distance from the start, rows in order of reaching.

    private void layout() {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put(startId, 0);
        queue.add(startId);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (String next : successors(id)) {
                if (!depth.containsKey(next)) {
                    depth.put(next, depth.get(id) + 1);
                    queue.add(next);
                }
            }
        }
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, Integer> rows = new HashMap<>();
        for (Node node : nodes.values()) {
            if (node.attachedTo != null) {
                continue;
            }
            int column = depth.getOrDefault(node.id, deepest + 1);
            int row = rows.merge(column, 1, Integer::sum) - 1;
            node.x = 100 + column * COLUMN + (100 - node.width()) / 2;
            node.y = 100 + row * ROW + (80 - node.height()) / 2;
        }
        Map<String, Integer> boundaries = new HashMap<>();
        for (Node node : nodes.values()) {
            if (node.attachedTo != null) {
                Node task = nodes.get(node.attachedTo);
                int k = boundaries.merge(task.id, 1, Integer::sum) - 1;
                node.x = task.x + 2 + k * 30;
                node.y = task.y + task.height() - 18;
            }
        }
    }

    /** Successors for the layout; a task's boundary events stand beside it. */
    private List<String> successors(String id) {
        List<String> next = new ArrayList<>();
        for (Flow flow : flows) {
            if (flow.source().equals(id)) {
                next.add(flow.target());
            }
        }
        for (Node node : nodes.values()) {
            if (id.equals(node.attachedTo)) {
                next.addAll(successors(node.id));
            }
        }
        return next;
    }

    // Writing.

    String xml() {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            IndentedXml out = new IndentedXml(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            out.start("definitions", BpmnReading.MODEL);
            xml.writeNamespace("bpmn", BpmnReading.MODEL);
            xml.writeNamespace("bpmndi", BpmnReading.DI);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("di", DI_SHAPES);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("id", fresh("Definitions"));
            xml.writeAttribute("targetNamespace", "https://cskit.dev/bpmn");
            xml.writeAttribute("exporter", "cskit");
            xml.writeAttribute("exporterVersion", "0.1");
            for (Map.Entry<String, String> message : messages.entrySet()) {
                out.empty("message", BpmnReading.MODEL);
                xml.writeAttribute("id", message.getValue());
                xml.writeAttribute("name", message.getKey());
            }
            process(out, xml);
            diagram(out, xml);
            out.end();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory failed", e);
        }
        return text + "\n";
    }

    private void process(IndentedXml out, XMLStreamWriter xml) throws XMLStreamException {
        out.start("process", BpmnReading.MODEL);
        xml.writeAttribute("id", definition.key());
        if (!definition.name().equals(definition.key())) {
            xml.writeAttribute("name", definition.name());
        }
        xml.writeAttribute("isExecutable", "true");
        for (Node node : nodes.values()) {
            node(out, xml, node);
        }
        for (Flow flow : flows) {
            boolean conditioned = flow.expression() != null;
            if (conditioned) {
                out.start("sequenceFlow", BpmnReading.MODEL);
            } else {
                out.empty("sequenceFlow", BpmnReading.MODEL);
            }
            xml.writeAttribute("id", flow.id());
            xml.writeAttribute("sourceRef", flow.source());
            xml.writeAttribute("targetRef", flow.target());
            if (conditioned) {
                out.start("conditionExpression", BpmnReading.MODEL);
                xml.writeAttribute("xsi", XSI, "type", "bpmn:tFormalExpression");
                out.text(flow.expression());
                out.end();
                out.end();
            }
        }
        out.end();
    }

    private void node(IndentedXml out, XMLStreamWriter xml, Node node)
            throws XMLStreamException {
        out.start(node.type, BpmnReading.MODEL);
        xml.writeAttribute("id", node.id);
        if (node.name != null) {
            xml.writeAttribute("name", node.name);
        }
        if (node.attachedTo != null) {
            xml.writeAttribute("cancelActivity", "true");
            xml.writeAttribute("attachedToRef", node.attachedTo);
        }
        if (node.defaultFlow != null) {
            xml.writeAttribute("default", node.defaultFlow);
        }
        for (String flow : node.incoming) {
            out.start("incoming", BpmnReading.MODEL);
            out.text(flow);
            out.end();
        }
        for (String flow : node.outgoing) {
            out.start("outgoing", BpmnReading.MODEL);
            out.text(flow);
            out.end();
        }
        if (node.timer != null) {
            out.start("timerEventDefinition", BpmnReading.MODEL);
            xml.writeAttribute("id", fresh("TimerEventDefinition"));
            out.start("timeDuration", BpmnReading.MODEL);
            xml.writeAttribute("xsi", XSI, "type", "bpmn:tFormalExpression");
            out.text(node.timer.toString());
            out.end();
            out.end();
        } else if (node.messageId != null) {
            out.empty("messageEventDefinition", BpmnReading.MODEL);
            xml.writeAttribute("id", fresh("MessageEventDefinition"));
            xml.writeAttribute("messageRef", node.messageId);
        }
        out.end();
    }

    private void diagram(IndentedXml out, XMLStreamWriter xml) throws XMLStreamException {
        out.start("BPMNDiagram", BpmnReading.DI);
        xml.writeAttribute("id", fresh("BPMNDiagram"));
        out.start("BPMNPlane", BpmnReading.DI);
        xml.writeAttribute("id", fresh("BPMNPlane"));
        xml.writeAttribute("bpmnElement", definition.key());
        for (Node node : nodes.values()) {
            out.start("BPMNShape", BpmnReading.DI);
            xml.writeAttribute("id", fresh(node.id + "_di"));
            xml.writeAttribute("bpmnElement", node.id);
            if (node.type.equals("exclusiveGateway")) {
                xml.writeAttribute("isMarkerVisible", "true");
            }
            out.empty("Bounds", DC);
            bounds(xml, node.x, node.y, node.width(), node.height());
            out.end();
        }
        for (Flow flow : flows) {
            out.start("BPMNEdge", BpmnReading.DI);
            xml.writeAttribute("id", fresh(flow.id() + "_di"));
            xml.writeAttribute("bpmnElement", flow.id());
            for (double[] point : waypoints(nodes.get(flow.source()), nodes.get(flow.target()))) {
                out.empty("waypoint", DI_SHAPES);
                xml.writeAttribute("x", number(point[0]));
                xml.writeAttribute("y", number(point[1]));
            }
            out.end();
        }
        out.end();
        out.end();
    }

    private static List<double[]> waypoints(Node from, Node to) {
        double targetX = to.x;
        double targetY = to.y + to.height() / 2;
        List<double[]> points = new ArrayList<>();
        if (from.attachedTo != null) {
            double startX = from.x + from.width() / 2;
            points.add(new double[] {startX, from.y + from.height()});
            points.add(new double[] {startX, targetY});
        } else {
            double startX = from.x + from.width();
            double startY = from.y + from.height() / 2;
            points.add(new double[] {startX, startY});
            if (startY != targetY) {
                double middle = (startX + targetX) / 2;
                points.add(new double[] {middle, startY});
                points.add(new double[] {middle, targetY});
            }
        }
        points.add(new double[] {targetX, targetY});
        return points;
    }

    private static void bounds(XMLStreamWriter xml, double x, double y, double width,
            double height) throws XMLStreamException {
        xml.writeAttribute("x", number(x));
        xml.writeAttribute("y", number(y));
        xml.writeAttribute("width", number(width));
        xml.writeAttribute("height", number(height));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Writes elements with the right prefix, two spaces of indent per level. */
    private static final class IndentedXml {
        private final XMLStreamWriter xml;
        private int depth;
        private boolean textWritten;

        IndentedXml(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String name, String namespace) throws XMLStreamException {
            newLine();
            xml.writeStartElement(prefix(namespace), name, namespace);
            depth++;
            textWritten = false;
        }

        void empty(String name, String namespace) throws XMLStreamException {
            newLine();
            xml.writeEmptyElement(prefix(namespace), name, namespace);
        }

        void text(String text) throws XMLStreamException {
            xml.writeCharacters(text);
            textWritten = true;
        }

        void end() throws XMLStreamException {
            depth--;
            if (!textWritten) {
                newLine();
            }
            xml.writeEndElement();
            textWritten = false;
        }

        private void newLine() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        private static String prefix(String namespace) {
            switch (namespace) {
                case BpmnReading.MODEL:
                    return "bpmn";
                case BpmnReading.DI:
                    return "bpmndi";
                case DC:
                    return "dc";
                default:
                    return "di";
            }
        }
    }
}
