package dev.orderflow.order.saga;

import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;

/**
 * Where one move left an order's saga: what its span and its caller need of the order once the order is handed back
 * for its saga's next change, which may then change it at once. A value, so that no caller shares the order.
 */
public record SagaMove(OrderStatus status, SagaPhase phase, int step, int attempt) {

    /** The move as the order now stands; the order must not change meanwhile. */
    public static SagaMove of(Order order) {
        SagaProgress saga = order.saga;
        return saga == null ? new SagaMove(order.status, null, 0, 0)
                : new SagaMove(order.status, saga.phase, saga.step, saga.attempt);
    }
}
