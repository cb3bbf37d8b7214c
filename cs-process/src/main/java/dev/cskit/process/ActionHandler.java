package dev.cskit.process;

/**
 * Carries out actions of one type: sends the email, creates the CSM task, calls the webhook.
 *
 * <p>The runner calls a handler only after the transition that asked for the action is
 * committed, from the thread that committed it or from {@link ProcessRunner#tick}. Rules for
 * handlers: be quick (hand long work to a queue); deduplicate on {@link ActionRequest#id()},
 * since an action is delivered at least once (a crash after the handler returned and before
 * the outbox was updated repeats it); throw to ask for a retry. A throwing handler never
 * undoes the transition; the runner retries with backoff and, when the retries are used up,
 * marks the action failed, where {@link ProcessRunner#failedActions} shows it.
 */
@FunctionalInterface
public interface ActionHandler {

    /**
     * Carries out one action.
     *
     * @param request the action
     * @throws Exception to have it retried later
     */
    void handle(ActionRequest request) throws Exception;
}
