package dev.orderflow.inventory.service;

/** Another worker holds the reservation's lease; this one waits for it. */
public class ReservationBusyException extends RuntimeException {

    public ReservationBusyException(String orderId) {
        super("reservation of order " + orderId + " is being changed by another worker", null, false, false);
    }
}
