package dev.orderflow.payment;

/** Where an order's payment stands. */
public enum PaymentStatus {
    /** the charge is under way: the gateway was (or is about to be) asked */
    PENDING,
    CAPTURED,
    DECLINED,
    /** captured, then given back */
    REFUNDED,
    /**
     * closed with nothing charged at the provider (refunded before any charge, or the provider had none for the order):
     * no charge may follow
     */
    VOIDED
}
