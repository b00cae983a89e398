package dev.orderflow.order.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderCreated;
import dev.orderflow.contracts.order.OrderDelivered;
import dev.orderflow.contracts.order.OrderLine;
import dev.orderflow.contracts.order.OrderShipped;
import dev.orderflow.order.Order;
import dev.orderflow.order.repository.OrderRepository;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The order.* events and the orders' outbox: an order's outbox holds each event's type ({@link Order#announce}), and the
 * event is built from the order as it is when published, under a stable message id ({@code <orderId>:<type>}), so
 * publishing one again (after a crash, by the outbox sweep) is recognised downstream.
 */
@ApplicationScoped
public class OrderEvents extends Outbox<Order> {

    public static final String CREATED = MessageTypes.nameOf(OrderCreated.class);
    public static final String CONFIRMED = MessageTypes.nameOf(OrderConfirmed.class);
    public static final String CANCELLED = MessageTypes.nameOf(OrderCancelled.class);
    public static final String SHIPPED = MessageTypes.nameOf(OrderShipped.class);
    public static final String DELIVERED = MessageTypes.nameOf(OrderDelivered.class);

    /** Each event type, with how it is built from the order. */
    private static final Map<String, Function<Order, Object>> EVENTS = Map.of(
            CREATED, order -> new OrderCreated(order.id, order.customerId, order.customerEmail, lines(order), order.createdAt),
            CONFIRMED, order -> new OrderConfirmed(order.id, order.customerId, order.customerEmail, lines(order), order.total,
                    order.shippingCost, order.currency, order.carrier, order.estimatedDelivery, order.updatedAt),
            CANCELLED, order -> new OrderCancelled(order.id, order.customerId, order.customerEmail, lines(order),
                    order.cancellationReason, order.cancellationDetail, order.updatedAt),
            SHIPPED, order -> new OrderShipped(order.id, order.customerId, order.customerEmail, order.carrier,
                    order.trackingNumber, order.updatedAt),
            DELIVERED, order -> new OrderDelivered(order.id, order.customerId, order.customerEmail, order.updatedAt));

    public OrderEvents(OrderRepository orders, Messaging messaging, @Channel("events") MutinyEmitter<byte[]> events,
            StoreRetry storeRetry) {
        super(orders.mongoCollection(), order -> order.id, order -> order.outbox, messaging, events, storeRetry);
    }

    @Override
    protected Envelope<?> message(Order order, PendingMessage pending) {
        return Envelope.of(pending.messageId, order.id, event(pending.type, order));
    }

    static Object event(String type, Order order) {
        Function<Order, Object> event = EVENTS.get(type);
        if (event == null) {
            throw new IllegalArgumentException("no order event " + type);
        }
        return event.apply(order);
    }

    private static List<OrderLine> lines(Order order) {
        return order.items.stream().map(item -> new OrderLine(item.sku, item.quantity, item.unitPrice)).toList();
    }
}
