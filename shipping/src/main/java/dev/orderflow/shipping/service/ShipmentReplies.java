package dev.orderflow.shipping.service;

import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.contracts.shipping.TooLateToCancel;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;

/**
 * The reply to each command, read from the shipment alone: a repeated command therefore gets the same reply as the
 * first one, whatever the carrier did since.
 */
public final class ShipmentReplies {

    private ShipmentReplies() {
    }

    /** Scheduled if the shipment was ever booked; else why not. */
    public static Object schedule(Shipment shipment) {
        if (shipment.scheduledAt != null) {
            return new ShipmentScheduled(shipment.orderId, shipment.id, shipment.carrier, shipment.trackingNumber,
                    shipment.cost, shipment.currency, shipment.estimatedDelivery);
        }
        if (shipment.status == ShipmentStatus.REJECTED) {
            return new ShipmentRejected(shipment.orderId, shipment.rejectionReason, shipment.rejectionDetail);
        }
        return new ShipmentRejected(shipment.orderId, ShipmentRejected.Reason.SHIPMENT_CLOSED,
                "shipping of order " + shipment.orderId + " was cancelled before it was scheduled");
    }

    /**
     * Cancelled if nothing will ship (with the shipment id when one had been booked); too late once the parcel has
     * left. Expects the shipment as the cancel command left it: never SCHEDULED.
     */
    public static Object cancel(Shipment shipment) {
        return switch (shipment.status) {
            case CANCELLED, REJECTED ->
                new ShipmentCancelled(shipment.orderId, shipment.scheduledAt != null ? shipment.id : null);
            case DISPATCHED, IN_TRANSIT, DELIVERED ->
                new TooLateToCancel(shipment.orderId, shipment.id, shipment.status.name());
            case SCHEDULED -> throw new IllegalArgumentException(
                    "shipment " + shipment.id + " of order " + shipment.orderId + " is still scheduled: nothing to reply yet");
        };
    }
}
