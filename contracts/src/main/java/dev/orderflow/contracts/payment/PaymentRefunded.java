package dev.orderflow.contracts.payment;

import java.math.BigDecimal;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link RefundPayment}: the captured amount went back to the customer. */
@MessageType("payment.refunded")
@RegisterForReflection
public record PaymentRefunded(String orderId, String paymentId, BigDecimal amount, String currency) {
}
