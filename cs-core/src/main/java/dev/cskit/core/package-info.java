/**
 * The cskit domain: customers and their lifecycle stages, subscriptions and money, customer
 * events and survey answers.
 *
 * <p>Every type here is an immutable value, safe to share between threads. Values are built
 * with their nested {@code Builder} (or a static {@code of} factory for the small ones) and
 * validated when built: an invalid value never exists, and the exception names the field, the
 * value and the rule ({@link dev.cskit.core.InvalidInputException}).
 */
@ValueStyle
package dev.cskit.core;
