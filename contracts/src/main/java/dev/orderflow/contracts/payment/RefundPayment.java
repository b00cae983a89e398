package dev.orderflow.contracts.payment;

import jakarta.validation.constraints.NotBlank;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Give the order's money back. Refunding an order that was never charged is a harmless no-op, and it closes the
 * order's payment: a charge arriving later is declined.
 */
@MessageType("payment.refund")
@RegisterForReflection
public record RefundPayment(@NotBlank String orderId) {
}
