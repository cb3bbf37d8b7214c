package dev.cskit.process.bpmn;

import dev.cskit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a read XML document, with where it started in the file. Only attributes
 * without a namespace are kept (BPMN's own attributes); attributes of extension namespaces
 * are dropped when reading.
 */
final class XmlElement {

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final InvalidInputException.Location location;

    XmlElement(String namespace, String name, Map<String, String> attributes,
            InvalidInputException.Location location) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributes = Map.copyOf(attributes);
        this.location = location;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    String id() {
        return attributes.getOrDefault("id", "");
    }

    List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    /** @return the children in a namespace with a local name, in document order */
    List<XmlElement> children(String childNamespace, String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.namespace.equals(childNamespace) && child.name.equals(childName)) {
                found.add(child);
            }
        }
        return found;
    }

    String text() {
        return text.toString();
    }

    InvalidInputException.Location location() {
        return location;
    }

    void add(XmlElement child) {
        children.add(child);
    }

    void appendText(String more) {
        text.append(more);
    }

    /** @return the element as a problem's field: {@code userTask 'Task_1'} */
    String describe() {
        String shownId = id().isEmpty() ? "(no id)" : "'" + id() + "'";
        return name + " " + shownId;
    }
}
