package dev.orderflow.notification;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;

import com.rabbitmq.client.GetResponse;

import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderDelivered;
import dev.orderflow.contracts.order.OrderLine;
import dev.orderflow.contracts.order.OrderShipped;
import dev.orderflow.notification.repository.NotificationRepository;

/** Test helpers: the events as their publishers send them, and the notifications they leave in the store. */
public final class Events {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final Instant AT = Instant.parse("2030-01-02T10:00:00Z");
    static final List<OrderLine> ITEMS = List.of(new OrderLine("sku-A", 2, new BigDecimal("12.50")),
            new OrderLine("sku-B", 1, new BigDecimal("5.00")));

    private Events() {
    }

    public static String newOrder() {
        return "order-" + UUID.randomUUID();
    }

    public static String emailOf(String orderId) {
        return orderId + "@example.com";
    }

    public static String customerOf(String orderId) {
        return "customer-" + orderId;
    }

    public static OrderConfirmed confirmed(String orderId) {
        return new OrderConfirmed(orderId, customerOf(orderId), emailOf(orderId), ITEMS, new BigDecimal("30.00"),
                new BigDecimal("6.40"), "EUR", "ColiPoste", LocalDate.parse("2030-01-04"), AT);
    }

    public static OrderCancelled cancelled(String orderId, String reason) {
        return new OrderCancelled(orderId, customerOf(orderId), emailOf(orderId), ITEMS, CancellationReason.valueOf(reason),
                "what the step said", AT);
    }

    public static OrderShipped shipped(String orderId) {
        return new OrderShipped(orderId, customerOf(orderId), emailOf(orderId), "ColiPoste", "CP0000000042", AT);
    }

    public static OrderDelivered delivered(String orderId) {
        return new OrderDelivered(orderId, customerOf(orderId), emailOf(orderId), AT);
    }

    public static LowStock lowStock(String sku) {
        return new LowStock(sku, "Walnut desk", 3, 5);
    }

    /** The event's id as its publisher gives it: {@code <orderId>:<type>} for order events. */
    public static String idOf(String orderId, Object event) {
        return orderId + ":" + MessageTypes.nameOf(event.getClass());
    }

    /** Publishes an order event as the order service does. */
    public static String publish(TestBroker broker, String orderId, Object event) {
        String eventId = idOf(orderId, event);
        publish(broker, eventId, orderId, event);
        return eventId;
    }

    /** Publishes an event on the events exchange, routed by its type, under the given id. */
    public static void publish(TestBroker broker, String eventId, String orderId, Object event) {
        broker.send("events", MessageTypes.nameOf(event.getClass()), eventId, orderId, null, event);
    }

    /** The event's notification as stored; null while there is none. */
    public static Notification stored(NotificationRepository notifications, String eventId) {
        return notifications.findByEvent(eventId).await().atMost(READ_TIMEOUT);
    }

    /** Waits until the event's notification exists and matches. */
    public static Notification awaitStored(NotificationRepository notifications, String eventId,
            Predicate<Notification> which) {
        return await().atMost(DEADLINE).until(() -> stored(notifications, eventId),
                notification -> notification != null && which.test(notification));
    }

    public static Notification awaitStatus(NotificationRepository notifications, String eventId, NotificationStatus status) {
        return awaitStored(notifications, eventId, notification -> notification.status == status);
    }

    public static long count(NotificationRepository notifications, String eventId) {
        return notifications.count("eventId", eventId).await().atMost(READ_TIMEOUT);
    }

    /** Waits until the event is in the parking queue, {@code notification.events.dlq}, and takes it out. */
    public static GetResponse awaitParked(TestBroker broker, String eventId) {
        String parking = ConfigProvider.getConfig().getValue("mp.messaging.incoming.events.queue.name", String.class) + ".dlq";
        return await().atMost(DEADLINE)
                .until(() -> broker.drain(parking).stream()
                        .filter(message -> eventId.equals(message.getProps().getMessageId())).findFirst(),
                        Optional::isPresent)
                .get();
    }
}
