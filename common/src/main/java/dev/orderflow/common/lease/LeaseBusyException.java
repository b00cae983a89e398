package dev.orderflow.common.lease;

/** Another worker holds the document's lease; this one waits for it, or lets the broker redeliver the message. */
public class LeaseBusyException extends RuntimeException {

    public LeaseBusyException(Object id) {
        super(id + " is being changed by another worker", null, false, false);
    }
}
