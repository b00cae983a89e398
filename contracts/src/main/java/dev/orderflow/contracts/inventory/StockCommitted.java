package dev.orderflow.contracts.inventory;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link CommitStock}: the order's held stock is sold. */
@MessageType("inventory.committed")
@RegisterForReflection
public record StockCommitted(String orderId) {
}
