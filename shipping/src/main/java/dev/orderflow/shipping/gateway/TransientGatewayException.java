package dev.orderflow.shipping.gateway;

/**
 * The carrier failed in a way that trying again may cure: it answered 5xx or 429, or could not be reached (connection
 * refused, reset or closed).
 */
public class TransientGatewayException extends RuntimeException {

    public TransientGatewayException(String message) {
        super(message);
    }

    public TransientGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
