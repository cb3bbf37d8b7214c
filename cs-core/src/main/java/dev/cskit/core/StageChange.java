package dev.cskit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One move of a customer between lifecycle stages: from, to, when and why. A customer's
 * history is the list of these, oldest first.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStageChange.class)
@JsonDeserialize(as = ImmutableStageChange.class)
public abstract class StageChange {

    /** @return the stage left */
    public abstract LifecycleStage from();

    /** @return the stage entered */
    public abstract LifecycleStage to();

    /** @return when the move happened */
    public abstract Instant at();

    /** @return why, in words ("onboarding completed", "won back"), when known */
    public abstract Optional<String> reason();

    /**
     * Returns a stage change.
     *
     * @param from the stage left
     * @param to the stage entered
     * @param at when
     * @param reason why, or {@code null}
     * @return the change
     * @throws IllegalStageChangeException never; legality is checked against a customer by
     *     {@link Customer#moveTo}
     */
    public static StageChange of(LifecycleStage from, LifecycleStage to, Instant at,
            String reason) {
        return builder().from(from).to(to).at(at).reason(Optional.ofNullable(reason)).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StageChange}. */
    public static final class Builder extends ImmutableStageChange.Builder {
    }
}
