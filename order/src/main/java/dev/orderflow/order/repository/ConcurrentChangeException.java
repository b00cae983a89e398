package dev.orderflow.order.repository;

/** Another worker changed the order since it was read: read it again and decide again. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String orderId) {
        super("order " + orderId + " changed meanwhile", null, false, false);
    }
}
