package dev.orderflow.notification.messaging;

import static dev.orderflow.notification.Events.awaitParked;
import static dev.orderflow.notification.Events.awaitStatus;
import static dev.orderflow.notification.Events.awaitStored;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.customerOf;
import static dev.orderflow.notification.Events.delivered;
import static dev.orderflow.notification.Events.emailOf;
import static dev.orderflow.notification.Events.idOf;
import static dev.orderflow.notification.Events.newOrder;
import static dev.orderflow.notification.Events.publish;
import static dev.orderflow.notification.Events.shipped;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.Mailbox;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.SmtpGate;
import dev.orderflow.notification.SmtpServer;
import dev.orderflow.notification.repository.NotificationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A mail server that refuses, fails for good, or hangs, made so for real by the gate in front of it: refused mails are
 * retried and sent once the server takes them; mails it never takes end FAILED and their event parked, while later
 * events still go out; a mail whose fate is unknown is never sent again. Attempts are counted, not waited for.
 */
@QuarkusTest
@TestProfile(SmtpTroubleTest.ShortRetries.class)
@WithTestResource(SmtpServer.class)
class SmtpTroubleTest {

    static final String SEND = "quarkus.fault-tolerance.\"dev.orderflow.notification.service.NotificationSender/send\".";
    static final int TRIES_PER_DELIVERY = 3;
    static final Duration LEASE = Duration.ofSeconds(5);

    public static class ShortRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    SEND + "retry.max-retries", String.valueOf(TRIES_PER_DELIVERY - 1),
                    SEND + "retry.delay", "10",
                    SEND + "retry.jitter", "0",
                    SEND + "exponential-backoff.max-delay", "20",
                    SEND + "timeout.value", "2000",
                    SEND + "timeout.unit", "millis",
                    "notification.lease", LEASE.toSeconds() + "s",
                    // one handling per delivery: the broker's redeliveries are what is counted
                    "quarkus.fault-tolerance.\"dev.orderflow.common.messaging.HandlerRetry/handle\".retry.max-retries",
                    "0");
        }
    }

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    @Inject
    NotificationRepository notifications;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "mp.messaging.connector.smallrye-rabbitmq.queue.x-delivery-limit")
    int deliveryLimit;

    Mailbox mailbox;
    SmtpGate gate;

    @AfterEach
    void openTheGate() {
        gate.open();
    }

    @Test
    void aMailTheServerRefusesIsRetriedUntilItIsTakenAndSentOnce() {
        String order = newOrder();
        gate.refuseNext(2);
        int connectionsBefore = gate.connections();

        String eventId = publish(broker, order, shipped(order));

        Notification sent = awaitStatus(notifications, eventId, NotificationStatus.SENT);
        assertEquals(3, sent.attempts, "two refusals, then the server took it");
        assertEquals(3, gate.connections() - connectionsBefore);
        assertEquals(1, mailbox.of(eventId).size());
        assertNull(sent.failure);
    }

    @Test
    void aMailTheServerNeverTakesIsFailedAndItsEventParkedWhileLaterEventsGoOut() {
        String order = newOrder();
        gate.refuseAll();
        double failedBefore = Meters.count(metrics, "notifications", "channel", "email", "outcome", "failed");
        double parkedBefore = Meters.count(metrics, "messages.parked", "queue", "notification.events", "reason",
                "delivery-limit");

        String eventId = publish(broker, order, confirmed(order));

        awaitParked(broker, eventId);
        Notification failed = awaitStatus(notifications, eventId, NotificationStatus.FAILED);
        assertEquals(Notification.Failure.NOT_ACCEPTED, failed.failure);
        assertEquals((deliveryLimit + 1) * TRIES_PER_DELIVERY, failed.attempts,
                "every delivery sends again what the server never took, up to the delivery limit");
        assertTrue(failed.lastError.contains("421"), failed.lastError);
        assertNotNull(failed.failedAt);
        assertTrue(mailbox.of(eventId).isEmpty());
        // each delivery tried it again and failed; the last one the queue allowed parked the event
        await().atMost(Duration.ofSeconds(5)).until(() -> Meters.count(metrics, "messages.parked", "queue",
                "notification.events", "reason", "delivery-limit") == parkedBefore + 1);
        assertEquals(failedBefore + deliveryLimit + 1,
                Meters.count(metrics, "notifications", "channel", "email", "outcome", "failed"));

        gate.open();
        String later = newOrder();
        String laterEventId = publish(broker, later, delivered(later));

        assertEquals(1, awaitStatus(notifications, laterEventId, NotificationStatus.SENT).attempts);
        assertEquals(1, mailbox.of(laterEventId).size());
    }

    @Test
    void aMailServerThatDoesNotAnswerInTimeLeavesTheOutcomeUnknownAndTheMailIsNotSentAgain() {
        String order = newOrder();
        OrderConfirmed event = confirmed(order);
        gate.mute();

        String eventId = publish(broker, order, event);

        Notification unknown = awaitStatus(notifications, eventId, NotificationStatus.FAILED);
        assertEquals(Notification.Failure.OUTCOME_UNKNOWN, unknown.failure);
        assertEquals(1, unknown.attempts, "a timed-out attempt is not retried");
        gate.open();
        publish(broker, eventId, order, event);
        awaitStored(notifications, eventId, stored -> stored.duplicates == 1);
        assertEquals(1, awaitStatus(notifications, eventId, NotificationStatus.FAILED).attempts);
        assertTrue(mailbox.of(eventId).isEmpty());
    }

    @Test
    void aCopyWaitsForTheWorkerSendingItsEventAndGivesUpOnceTheLeaseRunsOut() {
        String order = newOrder();
        OrderConfirmed event = confirmed(order);
        String eventId = idOf(order, event);
        Instant attemptedAt = Instant.now();
        Notification held = Notification.claimed(new Draft(eventId, "order.confirmed", emailOf(order), customerOf(order),
                order, "Your order " + order + " is confirmed", "body"), DeliveryChannel.EMAIL, attemptedAt,
                attemptedAt.plus(LEASE));
        held.attempts = 1;
        notifications.persist(held).await().atMost(Duration.ofSeconds(10));

        publish(broker, eventId, order, event);

        Notification unknown = awaitStatus(notifications, eventId, NotificationStatus.FAILED);
        assertEquals(Notification.Failure.OUTCOME_UNKNOWN, unknown.failure);
        assertFalse(unknown.failedAt.isBefore(attemptedAt.plus(LEASE)), "waited for the lease to run out");
        assertEquals(1, unknown.attempts);
        assertTrue(mailbox.of(eventId).isEmpty());
    }
}
