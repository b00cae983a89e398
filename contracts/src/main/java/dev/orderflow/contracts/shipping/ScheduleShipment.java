package dev.orderflow.contracts.shipping;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Book a carrier for the order's parcel.
 *
 * @param goodsValue what the goods are worth, for the shipping cost rule (free shipping above a threshold)
 */
@MessageType("shipping.schedule")
@RegisterForReflection
public record ScheduleShipment(
        @NotBlank String orderId,
        @NotBlank String customerId,
        @NotNull Address address,
        @NotEmpty @Size(max = 1000) List<@Valid @NotNull ShipmentLine> lines,
        @NotNull @PositiveOrZero BigDecimal goodsValue,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
}
