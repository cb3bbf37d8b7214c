package dev.cskit.examples.http;

import dev.cskit.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed request: the path parameters the route captured, the query parameters and the
 * body.
 */
record Request(String method, List<String> pathParameters, Map<String, String> query,
        byte[] body) {

    String path(int index) {
        return pathParameters.get(index);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isBlank());
    }

    String requiredQuery(String name, String rule) {
        return query(name).orElseThrow(() -> new InvalidInputException(name, null, rule));
    }

    /** Reads an instant parameter written as an ISO-8601 instant or a date (UTC midnight). */
    Optional<Instant> instantQuery(String name) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (text.get().length() == 10) {
                return Optional.of(LocalDate.parse(text.get()).atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            }
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, text.get(),
                    "must be a date (2024-06-01) or an ISO-8601 instant (2024-06-01T00:00:00Z)");
        }
    }
}
