package dev.cskit.core.store;

import dev.cskit.core.CustomerEvent;
import java.time.Instant;
import org.immutables.value.Value;

/** A customer event as the inbox keeps it: the event, when it arrived, and its status. */
@Value.Immutable
public abstract class StoredEvent {

    /** @return the event as received */
    public abstract CustomerEvent event();

    /** @return when the store recorded it */
    public abstract Instant receivedAt();

    /** @return where it stands */
    public abstract EventStatus status();

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StoredEvent}. */
    public static final class Builder extends ImmutableStoredEvent.Builder {
    }
}
