package dev.orderflow.inventory;

/**
 * Where a reservation stands. The {@code -ING} states mark an operation that was started and not finished (the worker
 * crashed): whoever handles the reservation next finishes it first.
 */
public enum ReservationStatus {
    /** taking stock for the lines; ends HELD or REJECTED */
    PENDING,
    HELD,
    REJECTED,
    COMMITTING,
    COMMITTED,
    RELEASING,
    RELEASED,
    RETURNING,
    RETURNED,
    EXPIRING,
    EXPIRED;

    /** Whether an operation is half done. */
    public boolean isInProgress() {
        return this == PENDING || this == COMMITTING || this == RELEASING || this == RETURNING || this == EXPIRING;
    }
}
