package dev.cskit.examples.adapters.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A node of a Stripe payload with its JSON path, so that every missing or malformed field is
 * reported by its full path ({@code data.object.items.data[0].price.currency}).
 */
final class Payload {

    private final JsonNode node;
    private final String path;

    private Payload(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Payload root(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path.isEmpty() ? "(document)" : path,
                    node == null ? null : node.toString(),
                    "must be a JSON object");
        }
        return new Payload(node, path);
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    Payload object(String name) {
        return optionalObject(name).orElseThrow(() -> new InvalidInputException(path(name),
                shown(name), "is required and must be a JSON object"));
    }

    Optional<Payload> optionalObject(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isObject()) {
            throw new InvalidInputException(path(name), child.toString(),
                    "must be a JSON object");
        }
        return Optional.of(new Payload(child, path(name)));
    }

    Optional<JsonNode> optionalArray(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isArray()) {
            throw new InvalidInputException(path(name), child.toString(), "must be a JSON array");
        }
        return Optional.of(child);
    }

    Payload element(String arrayName, JsonNode array, int index) {
        String at = path(arrayName) + "[" + index + "]";
        return root(array.get(index), at);
    }

    String text(String name) {
        return optionalText(name).orElseThrow(() -> new InvalidInputException(path(name),
                shown(name), "is required and must be a non-blank string"));
    }

    Optional<String> optionalText(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isTextual() || child.asText().isBlank()) {
            throw new InvalidInputException(path(name), child.toString(),
                    "must be a non-blank string");
        }
        return Optional.of(child.asText());
    }

    long whole(String name) {
        OptionalLong value = optionalWhole(name);
        if (value.isEmpty()) {
            throw new InvalidInputException(path(name), shown(name),
                    "is required and must be a whole number");
        }
        return value.getAsLong();
    }

    OptionalLong optionalWhole(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return OptionalLong.empty();
        }
        if (!child.isIntegralNumber() || !child.canConvertToLong()) {
            throw new InvalidInputException(path(name), child.toString(),
                    "must be a whole number");
        }
        return OptionalLong.of(child.asLong());
    }

    Instant instant(String name) {
        return Instant.ofEpochSecond(whole(name));
    }

    Optional<Instant> optionalInstant(String name) {
        OptionalLong seconds = optionalWhole(name);
        return seconds.isPresent()
                ? Optional.of(Instant.ofEpochSecond(seconds.getAsLong())) : Optional.empty();
    }

    private String shown(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.toString();
    }
}
