package dev.orderflow.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderDelivered;
import dev.orderflow.contracts.order.OrderShipped;
import dev.orderflow.notification.service.NotificationService;
import io.smallrye.mutiny.Uni;

/**
 * The {@code notification.events} queue: the order events a customer hears about, and the low-stock alerts for the
 * operator. Each event is acknowledged once its notification is settled.
 */
@ApplicationScoped
public class NotificationEventConsumer {

    static final MessageTypes EVENTS = MessageTypes.of(OrderConfirmed.class, OrderCancelled.class, OrderShipped.class,
            OrderDelivered.class, LowStock.class);

    private final Messaging messaging;
    private final NotificationService notifications;

    public NotificationEventConsumer(Messaging messaging, NotificationService notifications) {
        this.messaging = messaging;
        this.notifications = notifications;
    }

    @Incoming("events")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, EVENTS, notifications::handle);
    }
}
