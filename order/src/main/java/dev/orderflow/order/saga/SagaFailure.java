package dev.orderflow.order.saga;

/**
 * Why a saga fails: a reason for machines (OUT_OF_STOCK, TIMEOUT...) and a detail for people. A step's success handler
 * may throw it too, when a reply that says yes still cannot be accepted.
 */
public class SagaFailure extends RuntimeException {

    public static final String TIMEOUT = "TIMEOUT";

    private final String reason;

    public SagaFailure(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
