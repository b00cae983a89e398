package dev.orderflow.contracts.shipping;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link CancelShipment}: nothing will ship. {@code shipmentId} is null when nothing was scheduled. */
@MessageType("shipping.cancelled")
@RegisterForReflection
public record ShipmentCancelled(String orderId, String shipmentId) {
}
