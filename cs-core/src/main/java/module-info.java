/**
 * The cskit domain model, the persistence SPI with its in-memory implementation, JSON binding
 * and imports from CSV and JSON exports.
 */
module dev.cskit.core {
    requires static org.immutables.value;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.cskit.core;
    exports dev.cskit.core.store;
    exports dev.cskit.core.imports;

    opens dev.cskit.core to com.fasterxml.jackson.databind;
}
