package dev.orderflow.order.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orderflow.contracts.inventory.Sku;

/**
 * An order as a customer places it. There are no prices: they come from inventory when the stock is reserved. Each
 * product appears on one line only.
 */
@Schema(description = "An order to place; prices come from the catalogue, not from the client")
public record PlaceOrder(
        @Schema(example = "customer-42") @NotBlank @Size(max = 100) String customerId,
        @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String customerEmail,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items,
        @Valid @NotNull ShippingAddress shippingAddress,
        @Schema(description = "The card token from the payment provider; the simulator approves tok_visa", example = "tok_visa") @NotBlank @Size(max = 100) String paymentMethod) {

    @Schema(description = "A quantity of one product")
    public record Item(
            @Schema(example = "product-001") @NotBlank @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
            @Schema(example = "1") @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    @Schema(description = "Where the parcel goes")
    public record ShippingAddress(
            @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
            @Schema(example = "12 rue de la Paix") @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Schema(example = "Paris") @NotBlank @Size(max = 100) String city,
            @Schema(example = "75002") @NotBlank @Size(max = 20) String postalCode,
            @Schema(description = "ISO 3166-1 alpha-2", example = "FR") @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country) {
    }
}
