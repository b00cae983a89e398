package dev.orderflow.payment;

/** Where an order's payment stands. */
public enum PaymentStatus {
    /** the charge is under way: the gateway was (or is about to be) asked */
    PENDING,
    CAPTURED,
    DECLINED,
    /** captured, then given back */
    REFUNDED,
    /** refunded before anything was charged: the order's payment is closed, and no charge may follow */
    VOIDED
}
