package dev.cskit.process;

import dev.cskit.core.VersionConflictException;

/**
 * The runner kept losing the race for an instance: every one of its bounded attempts to
 * commit a decision met a newer version committed by someone else. Nothing of this decision
 * was written. Usually a sign of a hot instance hammered by many threads or nodes; trying
 * again later is safe.
 */
public class ConflictRetriesExhaustedException extends VersionConflictException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param last the conflict of the last attempt
     * @param attempts how many attempts were made
     */
    public ConflictRetriesExhaustedException(VersionConflictException last, int attempts) {
        super("instance", last.id(), last.expected(), last.actual());
        initCause(last);
        this.attempts = attempts;
    }

    /** @return how many attempts were made */
    public int attempts() {
        return attempts;
    }

    @Override
    public String getMessage() {
        return "gave up on instance '" + id() + "' after " + attempts
                + " attempts, each beaten by a concurrent commit (last: " + super.getMessage()
                + "); nothing was written, retry later";
    }
}
