package dev.orderflow.payment.gateway;

/**
 * The provider has no such resource (a 404 {@code resource_missing}): for a refund, no charge by the id it was given,
 * which is an answer, not a failure (it may still hold a charge for the order under the order's reference). No retry
 * may change it, and it says nothing against the provider's health.
 */
class NoSuchChargeException extends RuntimeException {

    /** The provider's error code for an id it does not know. */
    static final String CODE = "resource_missing";

    NoSuchChargeException() {
        super("the payment provider has no such resource (" + CODE + ")", null, false, false);
    }
}
