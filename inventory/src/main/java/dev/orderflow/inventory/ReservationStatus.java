package dev.orderflow.inventory;

/**
 * Where a reservation stands, as a reader needs it: stock being taken (PENDING), held, or the outcome. A step that
 * was started and not finished (its worker crashed) is not a status of its own but {@link Reservation#underway}:
 * whoever handles the reservation next finishes it first.
 */
public enum ReservationStatus {
    /** taking stock for the lines; ends HELD or REJECTED */
    PENDING,
    HELD,
    REJECTED,
    COMMITTED,
    RELEASED,
    /** committed, then given back: the sold stock is available again */
    RETURNED,
    EXPIRED
}
