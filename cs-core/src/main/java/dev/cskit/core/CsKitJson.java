package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * JSON for every cskit value type, through Jackson.
 *
 * <p>{@link #mapper()} is the mapper cskit itself uses, and the one to use unless an
 * application has its own: instants as ISO-8601 text ({@code 2024-07-11T21:22:07Z}), money as
 * a decimal string plus a currency, unknown properties rejected with their name, fractional
 * numbers never truncated into integers, trailing tokens rejected, no polymorphic default
 * typing, Jackson's default input size limits. An application with its own
 * {@code ObjectMapper} registers {@link #module()} and should set the same features.
 *
 * <p>{@link #read} turns every Jackson failure into an {@link InvalidInputException} that
 * names the JSON path, the value and the rule, with line and column.
 */
public final class CsKitJson {

    private static final ObjectMapper MAPPER = newMapper();

    private CsKitJson() {
    }

    /**
     * Returns the module that registers cskit's types and the {@code java.time} and
     * {@code Optional} support they need.
     *
     * @return a new module
     */
    public static Module module() {
        return new SimpleModule("cskit", Version.unknownVersion()) {
            private static final long serialVersionUID = 1L;

            @Override
            public Iterable<? extends Module> getDependencies() {
                return List.of(new JavaTimeModule(), new Jdk8Module());
            }
        };
    }

    /**
     * Returns cskit's shared mapper, configured as the class comment says. It is thread-safe;
     * do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns a new mapper configured as the class comment says, for an application that
     * wants to change it.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    /**
     * Reads a value from JSON text.
     *
     * @param json the text
     * @param type the type to read
     * @param <T> the type
     * @return the value
     * @throws InvalidInputException if the text is not valid JSON for the type
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw invalid(e, "json");
        }
    }

    /**
     * Writes a value as JSON text.
     *
     * @param value the value
     * @return the text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CsKitException("cannot write " + value.getClass().getName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Translates a Jackson failure into cskit's invalid-input exception: the JSON path as the
     * field, the failing rule, line and column. A cskit validation failure inside a value's
     * constructor is passed on as it is, with the path prefixed to its fields.
     *
     * @param failure what Jackson threw
     * @param source the name of the input, for the location
     * @return the exception to throw
     */
    public static InvalidInputException invalid(JsonProcessingException failure, String source) {
        Optional<InvalidInputException.Location> location = location(failure, source);
        String path = failure instanceof JsonMappingException
                ? path(((JsonMappingException) failure).getPath()) : "";
        Throwable cause = failure.getCause();
        while (cause != null && !(cause instanceof InvalidInputException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            List<InvalidInputException.Problem> problems = ((InvalidInputException) cause)
                    .problems().stream()
                    .map(p -> new InvalidInputException.Problem(p.field(), p.value(), p.rule(),
                            p.location().or(() -> location)))
                    .collect(Collectors.toList());
            return new InvalidInputException(problems, failure);
        }
        if (failure instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) failure;
            return new InvalidInputException(List.of(new InvalidInputException.Problem(
                    path, unknown.getPropertyName(),
                    "is not a property of " + unknown.getReferringClass().getSimpleName()
                            + "; known: " + unknown.getKnownPropertyIds(),
                    location)), failure);
        }
        String field = path.isEmpty() ? "(document)" : path;
        return new InvalidInputException(List.of(new InvalidInputException.Problem(
                field, null, failure.getOriginalMessage(), location)), failure);
    }

    private static Optional<InvalidInputException.Location> location(
            JsonProcessingException failure, String source) {
        JsonLocation where = failure.getLocation();
        if (where == null) {
            return Optional.empty();
        }
        return Optional.of(new InvalidInputException.Location(source,
                Math.max(0, where.getLineNr()), Math.max(0, where.getColumnNr())));
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
