package dev.cskit.process.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cskit.core.CsKitException;
import dev.cskit.core.CsKitJson;
import dev.cskit.process.ProcessDefinition;

/**
 * Writes process definitions as JSON or YAML, in the shape {@link DefinitionReader} reads and
 * the published schema describes. Empty lists are left out and delays are ISO-8601 text, so
 * that {@code reader.readJson(DefinitionWriter.toJson(d))} and
 * {@code reader.readYaml(DefinitionWriter.toYaml(d))} equal {@code d}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DefinitionWriter {

    private static final ObjectMapper JSON = CsKitJson.newMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(CsKitJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private DefinitionWriter() {
    }

    /**
     * Writes a definition as indented JSON.
     *
     * @param definition the definition
     * @return the JSON text
     */
    public static String toJson(ProcessDefinition definition) {
        return write(JSON, definition);
    }

    /**
     * Writes a definition as YAML, quoting only the strings that need it.
     *
     * @param definition the definition
     * @return the YAML text
     */
    public static String toYaml(ProcessDefinition definition) {
        return write(YAML, definition);
    }

    private static String write(ObjectMapper mapper, ProcessDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new CsKitException("cannot write definition '" + definition.key() + "': "
                    + e.getOriginalMessage(), e);
        }
    }
}
