package dev.orderflow.order.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderCreated;
import dev.orderflow.contracts.order.OrderDelivered;
import dev.orderflow.contracts.order.OrderLine;
import dev.orderflow.contracts.order.OrderShipped;
import dev.orderflow.order.Order;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The order.* events, built from the order as it is now, each under a stable message id ({@code <orderId>:<type>}):
 * publishing one again (after a crash, from the outbox) is recognised downstream.
 */
@ApplicationScoped
public class OrderEvents {

    public static final String CREATED = MessageTypes.nameOf(OrderCreated.class);
    public static final String CONFIRMED = MessageTypes.nameOf(OrderConfirmed.class);
    public static final String CANCELLED = MessageTypes.nameOf(OrderCancelled.class);
    public static final String SHIPPED = MessageTypes.nameOf(OrderShipped.class);
    public static final String DELIVERED = MessageTypes.nameOf(OrderDelivered.class);
    /** Every type an order's outbox ({@code pendingEvents}) can hold. */
    public static final List<String> TYPES = List.of(CREATED, CONFIRMED, CANCELLED, SHIPPED, DELIVERED);

    private final Messaging messaging;
    private final MutinyEmitter<byte[]> events;

    public OrderEvents(Messaging messaging, @Channel("events") MutinyEmitter<byte[]> events) {
        this.messaging = messaging;
        this.events = events;
    }

    /** The event of that type, as the order is now. */
    public Envelope<Object> envelope(String type, Order order) {
        return Envelope.of(order.id + ":" + type, order.id, event(type, order));
    }

    public Uni<Void> publish(Envelope<Object> event) {
        return messaging.publish(events, event);
    }

    static Object event(String type, Order order) {
        List<OrderLine> items = order.items.stream().map(item -> new OrderLine(item.sku, item.quantity, item.unitPrice))
                .toList();
        if (type.equals(CREATED)) {
            return new OrderCreated(order.id, order.customerId, order.customerEmail, items, order.createdAt);
        }
        if (type.equals(CONFIRMED)) {
            return new OrderConfirmed(order.id, order.customerId, order.customerEmail, items, order.total, order.shippingCost,
                    order.currency, order.carrier, order.estimatedDelivery, order.updatedAt);
        }
        if (type.equals(CANCELLED)) {
            return new OrderCancelled(order.id, order.customerId, order.customerEmail, items, order.cancellationReason,
                    order.cancellationDetail, order.updatedAt);
        }
        if (type.equals(SHIPPED)) {
            return new OrderShipped(order.id, order.customerId, order.customerEmail, order.carrier, order.trackingNumber,
                    order.updatedAt);
        }
        if (type.equals(DELIVERED)) {
            return new OrderDelivered(order.id, order.customerId, order.customerEmail, order.updatedAt);
        }
        throw new IllegalArgumentException("no order event " + type);
    }
}
