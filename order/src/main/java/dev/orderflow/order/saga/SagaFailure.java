package dev.orderflow.order.saga;

import dev.orderflow.contracts.order.CancellationReason;

/**
 * Why a saga fails: a reason for machines (OUT_OF_STOCK, TIMEOUT...) and a detail for people. A step's success handler
 * may throw it too, when a reply that says yes still cannot be accepted.
 */
public class SagaFailure extends RuntimeException {

    private final CancellationReason reason;

    public SagaFailure(CancellationReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public CancellationReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
