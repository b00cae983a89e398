package dev.orderflow.inventory;

/**
 * A step a worker started on a held or committed reservation and has not finished yet ({@link Reservation#underway}):
 * its stock moves are under way. If the worker crashes, the next one to take the lease finishes the step before
 * anything else; each stock move is safe to repeat.
 */
public enum ReservationStep {
    /** held stock becoming sold; ends COMMITTED */
    COMMIT,
    /** held stock going back; ends RELEASED */
    RELEASE,
    /** sold stock going back; ends RETURNED */
    RETURN,
    /** held stock going back at the end of its time-to-live; ends EXPIRED */
    EXPIRE
}
