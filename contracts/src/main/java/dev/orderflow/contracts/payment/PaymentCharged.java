package dev.orderflow.contracts.payment;

import java.math.BigDecimal;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link ChargePayment}: the amount is captured. */
@MessageType("payment.charged")
@RegisterForReflection
public record PaymentCharged(String orderId, String paymentId, BigDecimal amount, String currency) {
}
