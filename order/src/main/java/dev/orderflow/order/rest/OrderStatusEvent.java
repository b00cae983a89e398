package dev.orderflow.order.rest;

import java.time.Instant;

import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A server-sent event: the order's status changed. */
@RegisterForReflection
public record OrderStatusEvent(String orderId, OrderStatus status, CancellationReason reason, Instant at) {

    public static OrderStatusEvent of(Order order) {
        return new OrderStatusEvent(order.id, order.status, order.cancellationReason, order.updatedAt);
    }
}
