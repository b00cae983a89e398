package dev.orderflow.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.service.RedeliveryRule.Action;

/** An event that arrives again never makes a second mail of what may have gone out. */
class RedeliveryRuleTest {

    static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void aSentNotificationIsOnlyAcknowledged() {
        assertEquals(Action.ACKNOWLEDGE, decide(notification(NotificationStatus.SENT, null, NOW.minusSeconds(1))));
        assertEquals(Action.ACKNOWLEDGE, decide(notification(NotificationStatus.SENT, null, NOW.minusSeconds(3600))));
    }

    @Test
    void aNotificationTheChannelNeverAcceptedIsSentAgain() {
        assertEquals(Action.SEND_AGAIN,
                decide(notification(NotificationStatus.FAILED, Notification.Failure.NOT_ACCEPTED, NOW.minusSeconds(1))));
    }

    @Test
    void aNotificationWhoseOutcomeIsUnknownIsNeverSentAgain() {
        assertEquals(Action.ACKNOWLEDGE,
                decide(notification(NotificationStatus.FAILED, Notification.Failure.OUTCOME_UNKNOWN, NOW.minusSeconds(1))));
        assertEquals(Action.ACKNOWLEDGE, decide(
                notification(NotificationStatus.FAILED, Notification.Failure.OUTCOME_UNKNOWN, NOW.minusSeconds(3600))));
    }

    @Test
    void aNotificationAttemptedWithinTheLeaseBelongsToAnotherWorker() {
        assertEquals(Action.WAIT, decide(notification(NotificationStatus.SENDING, null, NOW)));
        assertEquals(Action.WAIT, decide(notification(NotificationStatus.SENDING, null, NOW.minus(LEASE).plusMillis(1))));
    }

    @Test
    void aNotificationLeftSendingPastTheLeaseIsGivenUpNotSentAgain() {
        assertEquals(Action.GIVE_UP, decide(notification(NotificationStatus.SENDING, null, NOW.minus(LEASE))));
        assertEquals(Action.GIVE_UP, decide(notification(NotificationStatus.SENDING, null, NOW.minusSeconds(3600))));
    }

    private static Action decide(Notification existing) {
        return RedeliveryRule.decide(existing, NOW);
    }

    private static Notification notification(NotificationStatus status, Notification.Failure failure, Instant attemptedAt) {
        Draft draft = new Draft("o-1:order.confirmed", "order.confirmed", "ada@example.com", "c-1", "o-1", "subject",
                "body");
        Notification notification = Notification.claimed(draft, DeliveryChannel.EMAIL, attemptedAt.minusSeconds(5),
                attemptedAt.minusSeconds(5).plus(LEASE));
        notification.status = status;
        notification.failure = failure;
        // each attempt refreshes the lease
        notification.attemptedAt = attemptedAt;
        notification.leaseUntil = attemptedAt.plus(LEASE);
        return notification;
    }
}
