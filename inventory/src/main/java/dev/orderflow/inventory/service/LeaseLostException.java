package dev.orderflow.inventory.service;

/**
 * This worker's lease ran out, or is about to: it stops, and the message is handled again, by whoever takes the lease
 * next (all stock changes are safe to repeat).
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String orderId) {
        super("lost the lease on the reservation of order " + orderId, null, false, false);
    }
}
