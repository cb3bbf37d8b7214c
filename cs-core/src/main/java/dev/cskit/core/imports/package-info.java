/**
 * Imports of customers, subscriptions, events and survey answers from CSV and JSON exports,
 * driven by a declarative {@link dev.cskit.core.imports.ImportMapping}.
 *
 * <p>A mapping file says which records each input row makes, which column feeds which field,
 * how dates and times are written, how values translate, what a blank cell means and which
 * columns become free-form attributes. {@link dev.cskit.core.imports.Importer} applies it to a
 * file: every row is turned into records first, and only a file without a single bad row is
 * written, in one atomic {@link dev.cskit.core.store.Store#putAll} call.
 *
 * <p>All types here are immutable and safe to share between threads.
 */
@ValueStyle
package dev.cskit.core.imports;

import dev.cskit.core.ValueStyle;
