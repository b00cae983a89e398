package dev.orderflow.contracts.shipping;

import jakarta.validation.constraints.NotBlank;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Call the parcel off, unless it has left already. Cancelling an order that has no shipment is a harmless no-op, and
 * it closes the order's shipping: a schedule command arriving later is refused.
 */
@MessageType("shipping.cancel")
@RegisterForReflection
public record CancelShipment(@NotBlank String orderId) {
}
