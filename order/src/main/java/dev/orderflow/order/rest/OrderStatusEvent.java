package dev.orderflow.order.rest;

import java.time.Instant;
import java.util.List;

import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.messaging.OrderStatusFeed;
import dev.orderflow.order.service.OrderStatusStreams;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A server-sent event: the order's status changed (or, for a stream's first event, is). {@code history} holds the
 * entries the order's history gained since the stream's previous event, the step that caused the change among them
 * and the change's own entry last; the first event holds the latest entry only.
 */
@RegisterForReflection
public record OrderStatusEvent(String orderId, OrderStatus status, CancellationReason reason, Instant at,
        List<OrderView.HistoryEntry> history) {

    public static OrderStatusEvent of(OrderStatusStreams.StatusChanged changed) {
        OrderStatusFeed.Change change = changed.change();
        return new OrderStatusEvent(change.orderId(), change.status(), change.reason(), change.at(),
                changed.newEntries().stream().map(OrderView.HistoryEntry::of).toList());
    }
}
