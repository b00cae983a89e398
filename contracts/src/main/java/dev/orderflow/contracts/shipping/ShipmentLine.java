package dev.orderflow.contracts.shipping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A quantity of one product in the parcel. */
@RegisterForReflection
public record ShipmentLine(@NotBlank String sku, @Positive int quantity) {
}
