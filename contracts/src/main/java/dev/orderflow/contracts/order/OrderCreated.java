package dev.orderflow.contracts.order;

import java.time.Instant;
import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: an order was placed; its saga starts. */
@MessageType("order.created")
@RegisterForReflection
public record OrderCreated(String orderId, String customerId, String customerEmail, List<OrderLine> items, Instant at) {
}
