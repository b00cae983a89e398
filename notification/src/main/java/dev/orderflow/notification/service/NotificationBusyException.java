package dev.orderflow.notification.service;

/** Another worker holds the event's notification; this one waits for it to settle. */
public class NotificationBusyException extends RuntimeException {

    public NotificationBusyException(String eventId) {
        super("the notification of event " + eventId + " is being sent by another worker", null, false, false);
    }
}
