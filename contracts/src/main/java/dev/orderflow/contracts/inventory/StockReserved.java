package dev.orderflow.contracts.inventory;

import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link ReserveStock}: every line is held, at these prices. */
@MessageType("inventory.reserved")
@RegisterForReflection
public record StockReserved(String orderId, List<PricedLine> lines) {
}
