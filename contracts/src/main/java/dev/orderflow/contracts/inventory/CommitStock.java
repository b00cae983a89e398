package dev.orderflow.contracts.inventory;

import jakarta.validation.constraints.NotBlank;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The order is confirmed: the stock it holds is sold. */
@MessageType("inventory.commit")
@RegisterForReflection
public record CommitStock(@NotBlank String orderId) {
}
