package dev.orderflow.notification.service;

/**
 * A worker's claim on a notification is gone (another worker settled it, taking this one for stopped): it must not
 * hand the notification to the channel any more.
 */
public class ClaimLostException extends RuntimeException {

    public ClaimLostException(String notificationId) {
        super("the claim on notification " + notificationId + " was lost", null, false, false);
    }
}
