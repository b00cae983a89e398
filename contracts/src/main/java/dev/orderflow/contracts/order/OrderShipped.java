package dev.orderflow.contracts.order;

import java.time.Instant;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: the parcel left with the carrier. */
@MessageType("order.shipped")
@RegisterForReflection
public record OrderShipped(String orderId, String customerId, String customerEmail, String carrier, String trackingNumber,
        Instant at) {
}
