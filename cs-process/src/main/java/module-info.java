/**
 * Process definitions, their validation, and the runner that carries customers through them:
 * SLAs, stuck detection, the audit trail and the outbox of actions.
 */
module dev.cskit.process {
    requires static org.immutables.value;
    requires static com.google.errorprone.annotations;
    requires static java.compiler;
    requires transitive dev.cskit.core;
    requires com.github.benmanes.caffeine;

    exports dev.cskit.process;

    opens dev.cskit.process to com.fasterxml.jackson.databind;
    opens dev.cskit.process.internal to com.fasterxml.jackson.databind;
}
