package dev.orderflow.contracts.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A quantity of one product. */
@RegisterForReflection
public record StockLine(@NotBlank String sku, @Positive int quantity) {
}
