package dev.orderflow.contracts.shipping;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link CancelShipment}: the parcel has left; {@code status} is where it is now. */
@MessageType("shipping.too-late-to-cancel")
@RegisterForReflection
public record TooLateToCancel(String orderId, String shipmentId, String status) {
}
