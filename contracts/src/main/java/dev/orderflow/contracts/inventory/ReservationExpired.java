package dev.orderflow.contracts.inventory;

import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: a reservation was held past its time-to-live, and inventory released it by itself. */
@MessageType("inventory.reservation-expired")
@RegisterForReflection
public record ReservationExpired(String orderId, List<StockLine> lines) {
}
