package dev.orderflow.contracts.inventory;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: a product's available stock fell below its threshold (once per crossing, not once per order). */
@MessageType("inventory.low-stock")
@RegisterForReflection
public record LowStock(String sku, String name, long available, long threshold) {
}
