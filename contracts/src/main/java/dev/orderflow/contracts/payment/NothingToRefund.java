package dev.orderflow.contracts.payment;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link RefundPayment}: the order was never charged (declined, or not charged at all). */
@MessageType("payment.nothing-to-refund")
@RegisterForReflection
public record NothingToRefund(String orderId) {
}
