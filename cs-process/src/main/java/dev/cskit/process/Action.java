package dev.cskit.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cskit.core.Ids;
import dev.cskit.core.LifecycleStage;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Something a process asks the application to do, as data: a type and text parameters. The
 * runner never performs an action itself; it stores it in the outbox with the transition that
 * asked for it and hands it, after the commit, to the handler the application registered for
 * its type.
 *
 * <p>The types cskit knows by name are the constants below, each with a factory; an
 * application may use any other type for which it registers a handler. In JSON:
 * {@code {"type": "email", "parameters": {"template": "welcome"}}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAction.class)
@JsonDeserialize(as = ImmutableAction.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Action {

    /** Send an email from a template; parameter {@code template}. */
    public static final String EMAIL = "email";
    /** Create a task for the customer success manager; parameter {@code title}. */
    public static final String CSM_TASK = "csm.task";
    /** Call a webhook; parameter {@code url}. */
    public static final String WEBHOOK = "webhook";
    /** Change the customer's lifecycle stage; parameter {@code stage}. */
    public static final String CHANGE_STAGE = "lifecycle.stage";
    /** Start another process for the customer; parameter {@code process} (the key). */
    public static final String START_PROCESS = "process.start";

    /** @return the action type, the key of its handler */
    public abstract String type();

    /** @return the parameters; empty by default */
    public abstract Map<String, String> parameters();

    @Value.Check
    void check() {
        Ids.require("action.type", type());
    }

    /**
     * Returns an action of a type with parameters.
     *
     * @param type the type
     * @param parameters the parameters
     * @return the action
     */
    public static Action of(String type, Map<String, String> parameters) {
        return builder().type(type).putAllParameters(parameters).build();
    }

    /**
     * @param template the email template's name
     * @return an {@link #EMAIL} action
     */
    public static Action email(String template) {
        return of(EMAIL, Map.of("template", template));
    }

    /**
     * @param title what the manager should do
     * @return a {@link #CSM_TASK} action
     */
    public static Action csmTask(String title) {
        return of(CSM_TASK, Map.of("title", title));
    }

    /**
     * @param url the webhook's address
     * @return a {@link #WEBHOOK} action
     */
    public static Action webhook(String url) {
        return of(WEBHOOK, Map.of("url", url));
    }

    /**
     * @param stage the stage to move the customer to
     * @return a {@link #CHANGE_STAGE} action
     */
    public static Action changeStage(LifecycleStage stage) {
        return of(CHANGE_STAGE, Map.of("stage", stage.name()));
    }

    /**
     * @param processKey the key of the process to start
     * @return a {@link #START_PROCESS} action
     */
    public static Action startProcess(String processKey) {
        return of(START_PROCESS, Map.of("process", processKey));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Action}; the type is required. */
    public static final class Builder extends ImmutableAction.Builder {
    }
}
