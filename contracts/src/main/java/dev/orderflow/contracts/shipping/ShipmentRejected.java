package dev.orderflow.contracts.shipping;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link ScheduleShipment}: no carrier can be booked. */
@MessageType("shipping.rejected")
@RegisterForReflection
public record ShipmentRejected(String orderId, Reason reason, String detail) {

    @RegisterForReflection
    public enum Reason {
        /** the country is not served */
        UNSUPPORTED_DESTINATION,
        /** the address is incomplete or malformed */
        INVALID_ADDRESS,
        /** the order's shipping was cancelled before this command arrived */
        SHIPMENT_CLOSED
    }
}
