package dev.orderflow.contracts.payment;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Charge the order's amount to the customer's payment method.
 *
 * @param paymentMethod a token standing for the customer's card, as the payment provider issued it
 */
@MessageType("payment.charge")
@RegisterForReflection
public record ChargePayment(
        @NotBlank String orderId,
        @NotBlank String customerId,
        @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank String paymentMethod) {
}
