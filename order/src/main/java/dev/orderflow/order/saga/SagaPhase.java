package dev.orderflow.order.saga;

/** Where a saga run is. */
public enum SagaPhase {
    /** doing the steps, one after the other */
    RUNNING,
    /** undoing the steps done, last first */
    COMPENSATING,
    /** every step done */
    COMPLETED,
    /** every step done was undone */
    COMPENSATED,
    /** a compensation was refused (the step can no longer be undone): the steps done stand */
    COMPENSATION_REFUSED;

    public boolean isFinished() {
        return this == COMPLETED || this == COMPENSATED || this == COMPENSATION_REFUSED;
    }
}
