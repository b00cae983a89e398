package dev.orderflow.notification.rest;

import java.time.Instant;

import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A notification as the API shows it; what does not apply to it (a customer for an operator alert, a failure for a
 * sent notification...) is null.
 */
@RegisterForReflection
public record NotificationView(String id, String eventId, String type, DeliveryChannel channel, String recipient,
        String customerId, String orderId, String subject, String body, NotificationStatus status,
        Notification.Failure failure, String lastError, int attempts, int duplicates, Timeline timeline) {

    /** When the notification was created, last attempted, sent, last failed and last changed. */
    @RegisterForReflection
    public record Timeline(Instant created, Instant attempted, Instant sent, Instant failed, Instant updated) {
    }

    public static NotificationView of(Notification notification) {
        Timeline timeline = new Timeline(notification.createdAt, notification.attemptedAt, notification.sentAt,
                notification.failedAt, notification.updatedAt);
        return new NotificationView(notification.id, notification.eventId, notification.type, notification.channel,
                notification.recipient, notification.customerId, notification.orderId, notification.subject,
                notification.body, notification.status, notification.failure, notification.lastError,
                notification.attempts, notification.duplicates, timeline);
    }
}
