package dev.cskit.examples.adapters.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of one Stripe webhook delivery: the event id (the idempotency key), its type
 * ({@code customer.subscription.updated}), when Stripe created it, and its {@code data}
 * object, which holds the affected {@code object} and, for updates,
 * {@code previous_attributes}.
 *
 * <p>Immutable and thread-safe as long as no caller changes {@code data}.
 *
 * @param id the event id, such as {@code evt_1NG8Du2eZvKYlo2CUI79vXWy}
 * @param type the event type
 * @param created when Stripe created the event, to the second
 * @param data the event's {@code data} object
 */
public record StripeEvent(String id, String type, Instant created, JsonNode data) {

    /**
     * Validates the parts.
     *
     * @throws InvalidInputException if the id or type is blank or {@code data} is not an
     *     object
     */
    public StripeEvent {
        Objects.requireNonNull(created, "created");
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", id, "is required and must not be blank");
        }
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("type", type, "is required and must not be blank");
        }
        Payload.root(data, "data");
    }

    /**
     * Parses the body of a webhook request.
     *
     * @param json the request body, a Stripe event object
     * @return the event
     * @throws InvalidInputException if the text is not JSON, or {@code id}, {@code type},
     *     {@code created} or {@code data} is missing or of the wrong kind; the problem names
     *     the field
     */
    public static StripeEvent parse(String json) {
        JsonNode tree;
        try {
            tree = CsKitJson.mapper().readTree(Objects.requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            throw CsKitJson.invalid(e, "stripe event");
        }
        Payload event = Payload.root(tree, "");
        return new StripeEvent(event.text("id"), event.text("type"), event.instant("created"),
                event.object("data").node());
    }
}
