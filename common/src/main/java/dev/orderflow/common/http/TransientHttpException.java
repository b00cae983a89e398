package dev.orderflow.common.http;

/**
 * A service this one calls over HTTP (the payment provider, the carrier) failed in a way that trying again may cure:
 * it answered 5xx or 429, or could not be reached (connection refused, reset or closed, or no answer in time). The
 * clients' fault tolerance retries it; a refusal the service gave is never one.
 */
public class TransientHttpException extends RuntimeException {

    public TransientHttpException(String message) {
        super(message);
    }

    public TransientHttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
