package dev.cskit.process.bpmn;

import dev.cskit.core.InvalidInputException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML document into {@link XmlElement}s with the JDK's StAX parser, hardened against
 * hostile input: a document type declaration is refused before anything in it is read, and
 * no external entity, DTD or schema is ever fetched.
 */
final class XmlDocuments {

    private XmlDocuments() {
    }

    /**
     * Reads a document.
     *
     * @param in the bytes; the encoding comes from the XML declaration
     * @param source the name problems give for the file
     * @return the root element
     * @throws InvalidInputException with line and column if the text is not well-formed XML
     *     or declares a document type
     */
    static XmlElement read(InputStream in, String source) {
        try {
            // The reader holds nothing but the caller's stream, which the caller closes.
            XMLStreamReader reader = factory().createXMLStreamReader(in);
            XmlElement root = readRoot(reader, source);
            reader.close();
            return root;
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String reason = e.getMessage() == null ? "" : e.getMessage();
            int cut = reason.indexOf("Message: ");
            throw refused(source, at, "xml", cut < 0 ? reason : reason.substring(cut + 9),
                    "must be well-formed XML", e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, String value) {
        // Another StAX implementation may lack the property: DTDs are off regardless.
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }

    private static XmlElement readRoot(XMLStreamReader reader, String source)
            throws XMLStreamException {
        Deque<XmlElement> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw refused(source, reader.getLocation(), "DOCTYPE", reader.getText(),
                            "a document type declaration is not allowed in BPMN input"
                                    + " (entities and DTDs are never read)", null);
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw refused(source, reader.getLocation(), "entity",
                            reader.getLocalName(), "entity references are not allowed", null);
                case XMLStreamConstants.START_ELEMENT:
                    XmlElement element = element(reader, source);
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().add(element);
                    }
                    open.push(element);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    open.pop();
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (!open.isEmpty()) {
                        open.peek().appendText(reader.getText());
                    }
                    break;
                default:
                    break;
            }
        }
        return root;
    }

    private static XmlElement element(XMLStreamReader reader, String source) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            if (namespace == null || namespace.isEmpty()) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            } else if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace)) {
                attributes.put("xsi:" + reader.getAttributeLocalName(i),
                        reader.getAttributeValue(i));
            }
        }
        Location at = reader.getLocation();
        return new XmlElement(reader.getNamespaceURI(), reader.getLocalName(), attributes,
                new InvalidInputException.Location(source, at.getLineNumber(),
                        at.getColumnNumber()));
    }

    private static InvalidInputException refused(String source, Location at, String field,
            String value, String rule, Throwable cause) {
        long line = at == null ? 0 : Math.max(0, at.getLineNumber());
        long column = at == null ? 0 : Math.max(0, at.getColumnNumber());
        InvalidInputException.Problem problem = new InvalidInputException.Problem(field,
                value, rule, Optional.of(new InvalidInputException.Location(source, line,
                        column)));
        return cause == null ? new InvalidInputException(List.of(problem))
                : new InvalidInputException(List.of(problem), cause);
    }
}
