package dev.orderflow.shipping.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.contracts.shipping.TooLateToCancel;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;

/** A command's reply depends on the shipment only, so a repeated command is answered as the first one was. */
class ShipmentRepliesTest {

    static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");
    static final ShipmentScheduled BOOKED = new ShipmentScheduled("o-1", "shp-1", "ColiPoste", "CP0000000001",
            new BigDecimal("5.40"), "EUR", LocalDate.parse("2030-01-04"));

    @Test
    void aShipmentOnceScheduledAnswersScheduledWhateverBecameOfItSince() {
        for (ShipmentStatus status : new ShipmentStatus[] { ShipmentStatus.SCHEDULED, ShipmentStatus.DISPATCHED,
                ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED }) {
            assertEquals(BOOKED, ShipmentReplies.schedule(scheduled(status)), status.name());
        }
    }

    @Test
    void aRejectedShipmentAnswersWithItsReason() {
        Shipment rejected = shipment(ShipmentStatus.REJECTED);
        rejected.rejectionReason = ShipmentRejected.Reason.UNSUPPORTED_DESTINATION;
        rejected.rejectionDetail = "shipping does not deliver to JP";

        assertEquals(new ShipmentRejected("o-1", ShipmentRejected.Reason.UNSUPPORTED_DESTINATION,
                "shipping does not deliver to JP"), ShipmentReplies.schedule(rejected));
    }

    @Test
    void aScheduleAfterTheOrderWasCancelledIsRefusedAsClosed() {
        Shipment tombstone = shipment(ShipmentStatus.CANCELLED);
        tombstone.cancelledAt = NOW;

        ShipmentRejected refused = (ShipmentRejected) ShipmentReplies.schedule(tombstone);

        assertEquals(ShipmentRejected.Reason.SHIPMENT_CLOSED, refused.reason());
        assertEquals("o-1", refused.orderId());
    }

    @Test
    void cancelAnswersCancelledWithTheShipmentIdOnlyWhenOneWasBooked() {
        Shipment tombstone = shipment(ShipmentStatus.CANCELLED);
        Shipment rejected = shipment(ShipmentStatus.REJECTED);

        assertEquals(new ShipmentCancelled("o-1", "shp-1"), ShipmentReplies.cancel(scheduled(ShipmentStatus.CANCELLED)));
        assertEquals(new ShipmentCancelled("o-1", null), ShipmentReplies.cancel(tombstone));
        assertEquals(new ShipmentCancelled("o-1", null), ShipmentReplies.cancel(rejected));
    }

    @Test
    void cancelAfterTheParcelLeftIsTooLateAndSaysWhereItIs() {
        assertEquals(new TooLateToCancel("o-1", "shp-1", "DISPATCHED"),
                ShipmentReplies.cancel(scheduled(ShipmentStatus.DISPATCHED)));
        assertEquals(new TooLateToCancel("o-1", "shp-1", "IN_TRANSIT"),
                ShipmentReplies.cancel(scheduled(ShipmentStatus.IN_TRANSIT)));
        assertEquals(new TooLateToCancel("o-1", "shp-1", "DELIVERED"),
                ShipmentReplies.cancel(scheduled(ShipmentStatus.DELIVERED)));
    }

    @Test
    void aShipmentStillScheduledHasNoCancelReplyYet() {
        assertThrows(IllegalArgumentException.class, () -> ShipmentReplies.cancel(scheduled(ShipmentStatus.SCHEDULED)));
    }

    private static Shipment scheduled(ShipmentStatus status) {
        Shipment shipment = shipment(status);
        shipment.carrier = BOOKED.carrier();
        shipment.trackingNumber = BOOKED.trackingNumber();
        shipment.cost = BOOKED.cost();
        shipment.currency = BOOKED.currency();
        shipment.estimatedDelivery = BOOKED.estimatedDelivery();
        shipment.scheduledAt = NOW;
        return shipment;
    }

    private static Shipment shipment(ShipmentStatus status) {
        Shipment shipment = Shipment.forOrder("o-1", NOW);
        shipment.id = "shp-1";
        shipment.status = status;
        return shipment;
    }
}
