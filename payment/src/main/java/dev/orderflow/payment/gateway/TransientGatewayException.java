package dev.orderflow.payment.gateway;

/** The gateway failed in a way that trying again may cure (unavailable, overloaded). */
public class TransientGatewayException extends RuntimeException {

    public TransientGatewayException(String message) {
        super(message);
    }
}
