/**
 * Benchmarks of the process runner on the in-memory store: whole lifecycles per second, and
 * the stuck sweep over a large population of waiting instances.
 */
package dev.cskit.benchmarks.process;
