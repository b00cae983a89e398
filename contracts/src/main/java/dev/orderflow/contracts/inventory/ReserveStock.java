package dev.orderflow.contracts.inventory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Hold stock for every line of the order, or for none of them. */
@MessageType("inventory.reserve")
@RegisterForReflection
public record ReserveStock(@NotBlank String orderId, @NotEmpty @Size(max = 1000) List<@Valid @NotNull StockLine> lines) {
}
