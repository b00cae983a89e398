package dev.orderflow.shipping;

/**
 * Where a shipment stands. The saga's commands make it SCHEDULED, REJECTED or CANCELLED; the carrier moves it on,
 * forward only: SCHEDULED, DISPATCHED, optionally IN_TRANSIT, DELIVERED.
 */
public enum ShipmentStatus {
    SCHEDULED,
    DISPATCHED,
    IN_TRANSIT,
    DELIVERED,
    /** called off by the saga; or a tombstone, when the cancel command came before any schedule command */
    CANCELLED,
    /** the destination was refused: nothing was booked */
    REJECTED;

    /** Whether the parcel has left: it cannot be called off any more, and each of these statuses has its event. */
    public boolean hasLeft() {
        return this == DISPATCHED || this == IN_TRANSIT || this == DELIVERED;
    }

    /** Whether a carrier update may move a shipment from this status to {@code next}. */
    public boolean canBecome(ShipmentStatus next) {
        return switch (this) {
            case SCHEDULED -> next == DISPATCHED;
            case DISPATCHED -> next == IN_TRANSIT || next == DELIVERED;
            case IN_TRANSIT -> next == DELIVERED;
            default -> false;
        };
    }
}
