/**
 * Process definitions and the runner.
 *
 * <p>A {@link dev.cskit.process.ProcessDefinition} is a small state machine: steps, and
 * transitions out of each step fired by a customer event, a completed task, a timer or a done
 * checklist. Every definition type is an immutable value built with its nested
 * {@code Builder}, safe to share between threads, and serialised to JSON with
 * {@link dev.cskit.core.CsKitJson#mapper()} in the shape documented on
 * {@link dev.cskit.process.ProcessDefinition}. Before it runs, a definition is checked by
 * {@link dev.cskit.process.DefinitionValidator}, which reports every problem at once.
 */
@ValueStyle
package dev.cskit.process;

import dev.cskit.core.ValueStyle;
