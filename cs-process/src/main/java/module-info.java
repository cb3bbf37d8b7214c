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
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.networknt.schema;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires java.xml;

    exports dev.cskit.process;
    exports dev.cskit.process.bpmn;
    exports dev.cskit.process.calendar;
    exports dev.cskit.process.io;
    exports dev.cskit.process.playbook;

    opens dev.cskit.process to com.fasterxml.jackson.databind;
    opens dev.cskit.process.calendar to com.fasterxml.jackson.databind;
    opens dev.cskit.process.internal to com.fasterxml.jackson.databind;
}
