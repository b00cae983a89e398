package dev.orderflow.contracts.inventory;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link ReleaseStock}. */
@MessageType("inventory.released")
@RegisterForReflection
public record StockReleased(String orderId, Outcome outcome) {

    @RegisterForReflection
    public enum Outcome {
        /** held stock is available again */
        RELEASED,
        /** stock sold to the order is back in stock */
        RETURNED,
        /** the order held nothing (never reserved, rejected, expired, or already released) */
        NOTHING_HELD
    }
}
