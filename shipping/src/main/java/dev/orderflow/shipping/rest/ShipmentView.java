package dev.orderflow.shipping.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.ShipmentLine;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A shipment as the API shows it; what does not apply to it (a carrier before booking, a rejection reason...) is null. */
@RegisterForReflection
public record ShipmentView(String id, String orderId, String customerId, ShipmentStatus status, String carrier,
        String trackingNumber, BigDecimal cost, String currency, LocalDate estimatedDelivery, Address address,
        List<ShipmentLine> lines, ShipmentRejected.Reason rejectionReason, String rejectionDetail, Timeline timeline) {

    /** When the shipment reached each status; null for the statuses it never reached. */
    @RegisterForReflection
    public record Timeline(Instant created, Instant scheduled, Instant dispatched, Instant inTransit, Instant delivered,
            Instant cancelled, Instant rejected, Instant updated) {
    }

    public static ShipmentView of(Shipment shipment) {
        Timeline timeline = new Timeline(shipment.createdAt, shipment.scheduledAt, shipment.dispatchedAt, shipment.inTransitAt,
                shipment.deliveredAt, shipment.cancelledAt, shipment.rejectedAt, shipment.updatedAt);
        return new ShipmentView(shipment.id, shipment.orderId, shipment.customerId, shipment.status, shipment.carrier,
                shipment.trackingNumber, shipment.cost, shipment.currency, shipment.estimatedDelivery,
                shipment.address == null ? null : shipment.address.toAddress(),
                shipment.lines.stream().map(Shipment.Line::toShipmentLine).toList(), shipment.rejectionReason,
                shipment.rejectionDetail, timeline);
    }
}
