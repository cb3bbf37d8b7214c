/**
 * A Stripe webhook adapter: subscription created, updated and deleted events become cskit
 * subscription terms and customer events, invoice paid events become customer events.
 * Idempotent by event id, safe against out-of-order delivery. Start at
 * {@link dev.cskit.examples.adapters.stripe.StripeWebhook}.
 */
package dev.cskit.examples.adapters.stripe;
