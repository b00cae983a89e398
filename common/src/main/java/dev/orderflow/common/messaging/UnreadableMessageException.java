package dev.orderflow.common.messaging;

/**
 * A message that no retry can help: unknown type, or a body that is not the contract's JSON. It is parked in the
 * dead-letter queue at once instead of being redelivered.
 */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String message) {
        super(message);
    }

    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
