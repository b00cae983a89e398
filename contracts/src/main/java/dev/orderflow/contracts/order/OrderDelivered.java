package dev.orderflow.contracts.order;

import java.time.Instant;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: the parcel reached the customer. */
@MessageType("order.delivered")
@RegisterForReflection
public record OrderDelivered(String orderId, String customerId, String customerEmail, Instant at) {
}
