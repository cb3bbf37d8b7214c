package dev.cskit.kpi.archfixture;

import dev.cskit.core.internal.Checks;

/** A deliberate violation that ArchitectureTest must catch: cs-kpi code using core internals. */
final class ReachesIntoCore {

    String check(String id) {
        return Checks.notBlank("id", id);
    }
}
