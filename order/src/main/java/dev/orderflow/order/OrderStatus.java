package dev.orderflow.order;

/**
 * An order's status. PENDING while its saga runs; CONFIRMED or CANCELLED when the saga is over (COMPENSATING on the
 * way to CANCELLED); then the shipment moves a confirmed order to SHIPPED and DELIVERED.
 */
public enum OrderStatus {
    PENDING,
    COMPENSATING,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** Nothing will happen to the order any more. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }

    /** The saga is over: every step done, or every step undone. */
    public boolean isSettled() {
        return this != PENDING && this != COMPENSATING;
    }
}
