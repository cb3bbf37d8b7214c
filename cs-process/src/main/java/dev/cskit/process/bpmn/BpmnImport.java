package dev.cskit.process.bpmn;

import dev.cskit.core.InvalidInputException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.process.ProcessDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a process definition from BPMN 2.0 XML, in the subset the
 * {@linkplain dev.cskit.process.bpmn package comment} lists. The definition's key is the
 * process id, its name the process name (the key when absent); version and lifecycle stage
 * come from the caller.
 *
 * <p>The result is checked by {@link dev.cskit.process.DefinitionValidator} (with no action
 * types: BPMN import writes no actions). Every problem of the file, whether an element outside
 * the subset, an expression that is not a simple comparison or a definition that could not
 * run, is reported at once in one {@link InvalidInputException}, each problem naming the
 * element type and id, with the line and column where its start tag ends.
 *
 * <p>The XML parser reads no document type declaration, entity, DTD or schema: a file that
 * declares a document type is refused.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BpmnImport {

    private final LifecycleStage stage;
    private final int version;

    private BpmnImport(LifecycleStage stage, int version) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.version = version;
    }

    /**
     * Returns an import of version 1 definitions for a lifecycle stage.
     *
     * @param stage the stage the imported processes serve
     * @return the import
     */
    public static BpmnImport forStage(LifecycleStage stage) {
        return new BpmnImport(stage, 1);
    }

    /**
     * Returns an import like this one that gives definitions another version.
     *
     * @param newVersion the version, 1 or more
     * @return the import
     * @throws InvalidInputException if the version is below 1
     */
    public BpmnImport version(int newVersion) {
        if (newVersion < 1) {
            throw new InvalidInputException("definition.version", newVersion,
                    "must be at least 1");
        }
        return new BpmnImport(stage, newVersion);
    }

    /**
     * Reads a BPMN file.
     *
     * @param file the file
     * @return the definition, valid
     * @throws InvalidInputException with every problem of the file
     * @throws UncheckedIOException if the file cannot be read
     */
    public ProcessDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads BPMN XML text.
     *
     * @param xml the text
     * @return the definition, valid
     * @throws InvalidInputException with every problem of the text
     */
    public ProcessDefinition read(String xml) {
        return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "bpmn");
    }

    /**
     * Reads BPMN XML from a stream, which it does not close.
     *
     * @param in the bytes; the encoding comes from the XML declaration
     * @param source the name problems give for the input, such as the file name
     * @return the definition, valid
     * @throws InvalidInputException with every problem of the input
     */
    public ProcessDefinition read(InputStream in, String source) {
        XmlElement root = XmlDocuments.read(in, source);
        return new BpmnReading(root, source, stage, version).definition();
    }
}
