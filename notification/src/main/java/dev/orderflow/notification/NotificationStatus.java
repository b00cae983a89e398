package dev.orderflow.notification;

/**
 * Where a notification stands. SENDING is held by one worker at a time (its claim); SENT and FAILED are settled, but a
 * FAILED notification whose mail was never accepted ({@link Notification.Failure#NOT_ACCEPTED}) is tried again when its
 * event is redelivered.
 */
public enum NotificationStatus {
    /** claimed by a worker, which is handing it to the channel */
    SENDING,
    /** handed to the channel: accepted by the mail server, or written to the log */
    SENT,
    /** not sent, or not known to be: {@link Notification#failure} says which */
    FAILED
}
