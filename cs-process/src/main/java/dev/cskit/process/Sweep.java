package dev.cskit.process;

/**
 * What one {@link ProcessRunner#tick} did.
 *
 * @param claimed due items claimed
 * @param instances instances whose decision changed something and was committed
 * @param alerts alerts raised
 * @param transitions transitions taken (timers, and what they chained)
 * @param actions actions handed to handlers, successfully or not
 */
public record Sweep(int claimed, int instances, int alerts, int transitions, int actions) {
}
