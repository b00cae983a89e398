package dev.orderflow.contracts.shipping;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link ScheduleShipment}: a carrier is booked. */
@MessageType("shipping.scheduled")
@RegisterForReflection
public record ShipmentScheduled(String orderId, String shipmentId, String carrier, String trackingNumber, BigDecimal cost,
        String currency, LocalDate estimatedDelivery) {
}
