package dev.orderflow.inventory.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stock received (a positive change) or written off (a negative one). */
@Schema(description = "Stock received (positive change) or written off (negative change)")
public record StockChange(
        @Schema(example = "25") @NotNull @Min(-Limits.MAX_QUANTITY) @Max(Limits.MAX_QUANTITY) Long change,
        @Schema(example = "delivery from supplier") @NotBlank @Size(max = 200) String reason) {
}
