/**
 * Process definitions in and out of text: JSON and YAML checked against the published JSON
 * Schema ({@link dev.cskit.process.io.DefinitionReader}), written back
 * ({@link dev.cskit.process.io.DefinitionWriter}), and drawn as Mermaid flowcharts
 * ({@link dev.cskit.process.io.MermaidDiagram}).
 *
 * <p>Every type here is immutable and thread-safe.
 */
package dev.cskit.process.io;
