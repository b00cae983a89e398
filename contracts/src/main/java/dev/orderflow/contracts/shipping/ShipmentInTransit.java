package dev.orderflow.contracts.shipping;

import java.time.Instant;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: the parcel is on its way. */
@MessageType("shipment.in-transit")
@RegisterForReflection
public record ShipmentInTransit(String orderId, String shipmentId, String carrier, String trackingNumber, Instant at) {
}
