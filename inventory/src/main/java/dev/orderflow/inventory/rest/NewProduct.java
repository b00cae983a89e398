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

/** A product to add to the catalogue. */
@Schema(description = "A product to add to the catalogue")
public record NewProduct(
        @Schema(description = "The stock keeping unit, the product's id", example = "product-004") @NotBlank @Pattern(regexp = Limits.SKU_PATTERN, message = Limits.SKU_MESSAGE) String sku,
        @Schema(example = "Monitor") @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Schema(example = "electronics") @NotBlank @Size(max = 100) String category,
        @Schema(example = "199.90") @NotNull @DecimalMin("0.00") @Digits(integer = Limits.PRICE_DIGITS, fraction = Limits.PRICE_FRACTION) BigDecimal unitPrice,
        @Schema(description = "ISO 4217 code", example = "EUR") @NotNull @Pattern(regexp = Limits.CURRENCY_PATTERN, message = Limits.CURRENCY_MESSAGE) String currency,
        @Schema(description = "Stock received with the product; 0 when absent", example = "40") @PositiveOrZero @Max(Limits.MAX_QUANTITY) Long initialStock,
        @Schema(description = "Below this available stock, inventory.low-stock is published; 10 when absent", example = "5") @PositiveOrZero @Max(Limits.MAX_QUANTITY) Long lowStockThreshold) {
}
