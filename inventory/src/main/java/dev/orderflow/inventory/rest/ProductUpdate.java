package dev.orderflow.inventory.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new description of a product; its stock changes through {@code PUT /products/{sku}/stock} only. */
@Schema(description = "A product's description and price, replaced as a whole")
public record ProductUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 100) String category,
        @NotNull @DecimalMin("0.00") @Digits(integer = Limits.PRICE_DIGITS, fraction = Limits.PRICE_FRACTION) BigDecimal unitPrice,
        @NotNull @Pattern(regexp = Limits.CURRENCY_PATTERN, message = Limits.CURRENCY_MESSAGE) String currency,
        @NotNull @PositiveOrZero @Max(Limits.MAX_QUANTITY) Long lowStockThreshold) {
}
