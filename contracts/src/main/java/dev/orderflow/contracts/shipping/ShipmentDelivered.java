package dev.orderflow.contracts.shipping;

import java.time.Instant;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: the parcel reached the customer. */
@MessageType("shipment.delivered")
@RegisterForReflection
public record ShipmentDelivered(String orderId, String shipmentId, String carrier, String trackingNumber, Instant at) {
}
