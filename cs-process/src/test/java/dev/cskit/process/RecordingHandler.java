package dev.cskit.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An action handler that keeps the requests it got and fails its first {@code failures}
 * calls. Thread-safe.
 */
public final class RecordingHandler implements ActionHandler {

    /** Requests handled, failed ones included, in call order. */
    public final List<ActionRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    /**
     * @param failures how many calls fail before calls succeed
     */
    public RecordingHandler(int failures) {
        this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public void handle(ActionRequest request) {
        requests.add(request);
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("mail server down");
        }
    }
}
