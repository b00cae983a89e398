package dev.orderflow.common.lease;

/**
 * This worker's lease ran out, or is about to, or another worker took it: it stops, and the message is handled again
 * by whoever holds the lease next (each step under a lease is safe to repeat).
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(Object id) {
        super("lost the lease on " + id, null, false, false);
    }
}
