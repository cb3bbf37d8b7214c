package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One answer to a satisfaction survey: an NPS (0-10), CSAT (1-5) or CES (1-7) score.
 *
 * <p>Guarantee, checked when built and when read from JSON: the score is a whole number on
 * its kind's scale. A fractional or out-of-range answer is refused with a message naming the
 * value and the scale.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSurveyResponse.class)
public abstract class SurveyResponse {

    /** @return the tenant; {@link TenantId#DEFAULT} unless set */
    @Value.Default
    public TenantId tenant() {
        return TenantId.DEFAULT;
    }

    /** @return the response's id, the idempotency key */
    public abstract String id();

    /** @return who answered */
    public abstract CustomerId customerId();

    /** @return which survey */
    public abstract SurveyKind kind();

    /** @return the answer on the kind's scale */
    public abstract int score();

    /** @return when it was answered */
    public abstract Instant answeredAt();

    /** @return the free-text comment, when there was one */
    public abstract Optional<String> comment();

    @Value.Check
    void check() {
        Ids.require("survey.id", id());
        kind().check(score());
    }

    @JsonCreator
    static SurveyResponse fromJson(@JsonProperty("tenant") TenantId tenant,
            @JsonProperty("id") String id,
            @JsonProperty("customerId") CustomerId customerId,
            @JsonProperty("kind") SurveyKind kind,
            @JsonProperty("score") BigDecimal score,
            @JsonProperty("answeredAt") Instant answeredAt,
            @JsonProperty("comment") String comment) {
        requirePresent("customerId", customerId);
        requirePresent("kind", kind);
        requirePresent("answeredAt", answeredAt);
        Builder builder = builder();
        if (tenant != null) {
            builder.tenant(tenant);
        }
        return builder.id(id).customerId(customerId).kind(kind).score(kind.check(score))
                .answeredAt(answeredAt).comment(Optional.ofNullable(comment)).build();
    }

    private static void requirePresent(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, null, "is required");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SurveyResponse}; all fields but tenant and comment are required. */
    public static final class Builder extends ImmutableSurveyResponse.Builder {
    }
}
