package dev.cskit.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a customer stands in its life with the company.
 *
 * <p>The legal moves, decided here and nowhere else:
 * <pre>
 * ONBOARDING  -&gt; ACTIVE, OFFBOARDING, CHURNED
 * ACTIVE      -&gt; OFFBOARDING, CHURNED
 * OFFBOARDING -&gt; CHURNED, ACTIVE   (ACTIVE: won back before leaving)
 * CHURNED     -&gt; ACTIVE, ONBOARDING (won back, with or without a new onboarding)
 * </pre>
 * A move to the same stage is not a change and is refused.
 */
public enum LifecycleStage {
    /** Signed up, being carried from registration to the first value. */
    ONBOARDING,
    /** Using the product: training, growth, referrals, support. */
    ACTIVE,
    /** Has given notice; exit interview, data export, win-back attempts. */
    OFFBOARDING,
    /** Gone. A win-back moves the customer to ACTIVE again. */
    CHURNED;

    /**
     * Tells whether a customer in this stage may move to {@code next}.
     *
     * @param next the stage to move to
     * @return whether the move is legal
     */
    public boolean canMoveTo(LifecycleStage next) {
        return successors().contains(next);
    }

    /** @return the stages a customer in this stage may move to */
    public Set<LifecycleStage> successors() {
        switch (this) {
            case ONBOARDING:
                return EnumSet.of(ACTIVE, OFFBOARDING, CHURNED);
            case ACTIVE:
                return EnumSet.of(OFFBOARDING, CHURNED);
            case OFFBOARDING:
                return EnumSet.of(CHURNED, ACTIVE);
            case CHURNED:
                return EnumSet.of(ACTIVE, ONBOARDING);
            default:
                throw new AssertionError(this);
        }
    }
}
