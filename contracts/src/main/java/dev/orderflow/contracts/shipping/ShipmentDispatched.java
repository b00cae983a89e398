package dev.orderflow.contracts.shipping;

import java.time.Instant;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: the carrier picked the parcel up. */
@MessageType("shipment.dispatched")
@RegisterForReflection
public record ShipmentDispatched(String orderId, String shipmentId, String carrier, String trackingNumber, Instant at) {
}
