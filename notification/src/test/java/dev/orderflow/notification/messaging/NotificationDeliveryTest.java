package dev.orderflow.notification.messaging;

import static dev.orderflow.notification.Events.DEADLINE;
import static dev.orderflow.notification.Events.awaitParked;
import static dev.orderflow.notification.Events.awaitStatus;
import static dev.orderflow.notification.Events.awaitStored;
import static dev.orderflow.notification.Events.cancelled;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.count;
import static dev.orderflow.notification.Events.customerOf;
import static dev.orderflow.notification.Events.delivered;
import static dev.orderflow.notification.Events.emailOf;
import static dev.orderflow.notification.Events.idOf;
import static dev.orderflow.notification.Events.lowStock;
import static dev.orderflow.notification.Events.newOrder;
import static dev.orderflow.notification.Events.publish;
import static dev.orderflow.notification.Events.shipped;
import static dev.orderflow.notification.Events.stored;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.GetResponse;

import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderShipped;
import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.Mailbox;
import dev.orderflow.notification.Mailbox.Mail;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.SmtpServer;
import dev.orderflow.notification.repository.NotificationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events published as their services publish them, and the mails a real SMTP server receives for them. */
@QuarkusTest
@WithTestResource(SmtpServer.class)
class NotificationDeliveryTest {

    static final String FROM = "orderflow <notifications@orderflow.local>";

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    @Inject
    NotificationRepository notifications;

    @Inject
    MeterRegistry metrics;

    Mailbox mailbox;

    @Test
    void aConfirmedOrderIsMailedToTheCustomerWithItsItemsTotalCarrierAndDelivery() {
        String order = newOrder();

        String eventId = publish(broker, order, confirmed(order));

        Mail mail = onlyMail(eventId);
        assertEquals(List.of(emailOf(order)), mail.to());
        assertEquals(FROM, mail.from());
        assertEquals("Your order " + order + " is confirmed", mail.subject());
        assertBody(mail, "2 x sku-A at 12.50 EUR each", "1 x sku-B at 5.00 EUR each", "Total: 30.00 EUR",
                "Carrier: ColiPoste", "Estimated delivery: 2030-01-04");
        Notification notification = awaitStatus(notifications, eventId, NotificationStatus.SENT);
        assertEquals("order.confirmed", notification.type);
        assertEquals(DeliveryChannel.EMAIL, notification.channel);
        assertEquals(emailOf(order), notification.recipient);
        assertEquals(customerOf(order), notification.customerId);
        assertEquals(order, notification.orderId);
        assertEquals(mail.subject(), notification.subject);
        assertEquals(mail.text().strip(), notification.body);
        assertEquals(1, notification.attempts);
        assertNotNull(notification.sentAt);
        assertNull(notification.failure);
    }

    @Test
    void aCancelledOrderIsMailedWithTheReasonInWords() {
        String order = newOrder();

        String eventId = publish(broker, order, cancelled(order, "OUT_OF_STOCK"));

        Mail mail = onlyMail(eventId);
        assertEquals(List.of(emailOf(order)), mail.to());
        assertEquals("Your order " + order + " is cancelled", mail.subject());
        assertBody(mail, "Some of the items you ordered are out of stock.");
        assertFalse(mail.text().contains("OUT_OF_STOCK"), mail.text());
    }

    @Test
    void aShippedOrderIsMailedWithTheCarrierAndTrackingNumber() {
        String order = newOrder();

        String eventId = publish(broker, order, shipped(order));

        Mail mail = onlyMail(eventId);
        assertEquals(List.of(emailOf(order)), mail.to());
        assertEquals("Your order " + order + " is on its way", mail.subject());
        assertBody(mail, "ColiPoste", "Tracking number: CP0000000042");
    }

    @Test
    void aDeliveredOrderIsMailed() {
        String order = newOrder();

        String eventId = publish(broker, order, delivered(order));

        Mail mail = onlyMail(eventId);
        assertEquals(List.of(emailOf(order)), mail.to());
        assertEquals("Your order " + order + " is delivered", mail.subject());
    }

    @Test
    void lowStockIsMailedToTheOperator() {
        String sku = "sku-" + UUID.randomUUID();
        String eventId = sku + ":low-stock:1";

        publish(broker, eventId, null, lowStock(sku));

        Mail mail = onlyMail(eventId);
        assertEquals(List.of("stock@orderflow.local"), mail.to());
        assertEquals("Low stock: " + sku + " (Walnut desk)", mail.subject());
        assertBody(mail, "3 available, below the threshold of 5");
        Notification notification = awaitStatus(notifications, eventId, NotificationStatus.SENT);
        assertEquals("inventory.low-stock", notification.type);
        assertNull(notification.orderId);
        assertNull(notification.customerId);
    }

    @Test
    void anEventDeliveredThreeTimesIsMailedOnce() {
        String order = newOrder();
        OrderShipped event = shipped(order);
        double sentBefore = Meters.count(metrics, "notifications", "channel", "email", "outcome", "sent");
        String eventId = publish(broker, order, event);
        awaitStatus(notifications, eventId, NotificationStatus.SENT);

        publish(broker, eventId, order, event);
        publish(broker, eventId, order, event);

        // each copy is counted once it is acknowledged: after two, nothing else can come of the event
        Notification notification = awaitStored(notifications, eventId, stored -> stored.duplicates == 2);
        assertEquals(NotificationStatus.SENT, notification.status);
        assertEquals(1, notification.attempts);
        assertEquals(1, mailbox.of(eventId).size());
        assertEquals(1, count(notifications, eventId));
        assertEquals(sentBefore + 1, Meters.count(metrics, "notifications", "channel", "email", "outcome", "sent"));
        assertThat(Meters.scrape(), containsString(
                "notifications_total{application=\"notification\",channel=\"email\",outcome=\"sent\"}"));
    }

    @Test
    void copiesOfAnEventHandledAtOnceAreMailedOnce() {
        String order = newOrder();
        OrderConfirmed event = confirmed(order);
        String eventId = idOf(order, event);

        IntStream.range(0, 3).parallel().forEach(copy -> publish(broker, eventId, order, event));

        Notification notification = awaitStored(notifications, eventId,
                stored -> stored.status == NotificationStatus.SENT && stored.duplicates == 2);
        assertEquals(1, notification.attempts);
        assertEquals(1, mailbox.of(eventId).size());
        assertEquals(1, count(notifications, eventId));
    }

    @Test
    void aNotificationLeftSendingByAStoppedWorkerIsNeverSentAgain() {
        String order = newOrder();
        OrderConfirmed event = confirmed(order);
        String eventId = idOf(order, event);
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(5));
        Notification left = Notification.claimed(new Draft(eventId, "order.confirmed", emailOf(order), customerOf(order),
                order, "Your order " + order + " is confirmed", "body"), DeliveryChannel.EMAIL, crashedAt,
                crashedAt.plusSeconds(60));
        left.attempts = 1;
        notifications.persist(left).await().atMost(Duration.ofSeconds(10));

        publish(broker, eventId, order, event);

        Notification settled = awaitStatus(notifications, eventId, NotificationStatus.FAILED);
        assertEquals(Notification.Failure.OUTCOME_UNKNOWN, settled.failure);
        assertTrue(settled.lastError.startsWith("outcome unknown"), settled.lastError);
        assertEquals(1, settled.attempts, "no new attempt");
        publish(broker, eventId, order, event);
        awaitStored(notifications, eventId, stored -> stored.duplicates == 1);
        assertTrue(mailbox.of(eventId).isEmpty(), "never mailed");
    }

    @Test
    void anOrderEventWithoutTheCustomersAddressIsParkedAtOnce() {
        String order = newOrder();
        OrderConfirmed anonymous = new OrderConfirmed(order, customerOf(order), null, List.of(), null, null, "EUR", null,
                null, Instant.now());
        String eventId = idOf(order, anonymous);

        publish(broker, eventId, order, anonymous);

        GetResponse parked = awaitParked(broker, eventId);
        assertEquals("order.confirmed", parked.getProps().getType());
        assertNull(stored(notifications, eventId), "nothing stored");
    }

    private Mail onlyMail(String eventId) {
        List<Mail> mails = await().atMost(DEADLINE).until(() -> mailbox.of(eventId), received -> !received.isEmpty());
        assertEquals(1, mails.size(), "one mail for " + eventId);
        return mails.get(0);
    }

    private static void assertBody(Mail mail, String... facts) {
        for (String fact : facts) {
            assertTrue(mail.text().contains(fact), "'" + fact + "' in:\n" + mail.text());
        }
    }
}
