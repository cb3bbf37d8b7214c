package dev.cskit.store.jdbc.internal;

import dev.cskit.core.CsKitException;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.StoreException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link SQLException} into a cskit exception at the store's boundary.
 *
 * <p>An integrity violation (SQL state class 23) or a data exception (class 22, such as a
 * value too long for its column) means the input was bad: it becomes an
 * {@link InvalidInputException} naming the field behind the violated constraint. Anything
 * else becomes a {@link StoreException} that keeps the SQL state and the cause.
 */
public final class SqlFailures {

    /** Each named constraint of the schema and the field of the SPI records it guards. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("cskit_customer_pk", "customer.id"),
            Map.entry("cskit_subscription_pk", "subscription.start"),
            Map.entry("cskit_event_pk", "event.id"),
            Map.entry("cskit_event_status_ck", "event.status"),
            Map.entry("cskit_survey_pk", "survey.id"),
            Map.entry("cskit_definition_pk", "definition.version"),
            Map.entry("cskit_definition_version_ck", "definition.version"),
            Map.entry("cskit_instance_pk", "instance.id"),
            Map.entry("cskit_instance_status_ck", "instance.status"),
            Map.entry("cskit_instance_version_ck", "instance.version"),
            Map.entry("cskit_audit_pk", "audit.sequence"),
            Map.entry("cskit_due_item_pk", "dueItems.key"),
            Map.entry("cskit_alert_pk", "raise.id"),
            Map.entry("cskit_outbox_pk", "outbox.id"),
            Map.entry("cskit_outbox_status_ck", "outbox.status"));

    private SqlFailures() {
    }

    /**
     * Translates a failure.
     *
     * @param context what the store was doing, such as {@code cannot write instance 'i-1'}
     * @param e the failure
     * @return the exception to throw
     */
    public static CsKitException translate(String context, SQLException e) {
        String state = e.getSQLState();
        String message = firstLine(e.getMessage());
        if (state != null && (state.startsWith("23") || state.startsWith("22"))) {
            String field = field(message);
            String rule = state.startsWith("22")
                    ? "does not fit its column: " + message
                    : "violates a database constraint (" + message + ")";
            return new InvalidInputException(List.of(
                    InvalidInputException.Problem.of(field, null, rule)), e);
        }
        return new StoreException(context + ": " + message, state, e);
    }

    private static String field(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : FIELDS.entrySet()) {
            if (lower.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "record";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).trim();
    }
}
