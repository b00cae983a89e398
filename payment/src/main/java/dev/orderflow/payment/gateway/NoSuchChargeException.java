package dev.orderflow.payment.gateway;

/**
 * The provider has no charge by the id it was given (a 404 {@code resource_missing}): an answer, not a failure. It may
 * still hold a charge for the order under the order's reference.
 */
class NoSuchChargeException extends RuntimeException {

    /** The provider's error code for an id it does not know. */
    static final String CODE = "resource_missing";

    NoSuchChargeException() {
        super("the payment provider knows no such charge", null, false, false);
    }
}
