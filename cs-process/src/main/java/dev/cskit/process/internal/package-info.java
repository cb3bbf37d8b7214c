/**
 * The runner's internals: the pure decision, the fold that rebuilds an instance from its
 * audit trail, and the instance state they share. Not exported; no compatibility promise.
 */
package dev.cskit.process.internal;
