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

    /**
     * Whether an order in this status may move to {@code next}, with the event announcing it: confirmed once pending,
     * cancelled while pending or compensating, shipped once confirmed, delivered once confirmed or shipped. PENDING
     * and COMPENSATING follow the saga's phase, with no event.
     */
    public boolean canBecome(OrderStatus next) {
        return switch (next) {
            case CONFIRMED -> this == PENDING;
            case CANCELLED -> this == PENDING || this == COMPENSATING;
            case SHIPPED -> this == CONFIRMED;
            case DELIVERED -> this == CONFIRMED || this == SHIPPED;
            case PENDING, COMPENSATING -> false;
        };
    }

    /** The parcel has left: the order can no longer be cancelled. */
    public boolean hasShipped() {
        return this == SHIPPED || this == DELIVERED;
    }

    /** Being cancelled, or cancelled already. */
    public boolean isCancelling() {
        return this == COMPENSATING || this == CANCELLED;
    }

    /** The saga is over: every step done, or every step undone. */
    public boolean isSettled() {
        return this != PENDING && this != COMPENSATING;
    }
}
