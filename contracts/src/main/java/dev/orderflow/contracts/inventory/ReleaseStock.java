package dev.orderflow.contracts.inventory;

import jakarta.validation.constraints.NotBlank;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Give back what the order holds: held stock becomes available again, and so does stock already committed (sold) to
 * an order that is cancelled before it ships. Releasing an order that holds nothing is a harmless no-op, and it closes
 * the order's reservation: a reserve command arriving later is refused.
 */
@MessageType("inventory.release")
@RegisterForReflection
public record ReleaseStock(@NotBlank String orderId) {
}
