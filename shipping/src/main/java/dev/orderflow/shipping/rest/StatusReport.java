package dev.orderflow.shipping.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orderflow.shipping.ShipmentStatus;

/** What the carrier reports about a parcel: where it is now. */
@Schema(description = "A carrier's report on a parcel: where it is now")
public record StatusReport(@NotNull Status status) {

    /** The statuses a carrier reports; the others are the saga's to set. */
    public enum Status {
        DISPATCHED,
        IN_TRANSIT,
        DELIVERED;

        ShipmentStatus toShipmentStatus() {
            return ShipmentStatus.valueOf(name());
        }
    }
}
