package dev.orderflow.payment.rest;

import java.math.BigDecimal;
import java.time.Instant;

import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.payment.Payment;
import dev.orderflow.payment.PaymentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A payment as the API shows it. */
@RegisterForReflection
public record PaymentView(String id, String orderId, String customerId, BigDecimal amount, String currency,
        PaymentStatus status,
        PaymentDeclined.Reason declineReason, String gatewayChargeId, String gatewayRefundId, Instant createdAt,
        Instant capturedAt,
        Instant closedAt) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id, payment.orderId, payment.customerId, payment.amount, payment.currency,
                payment.status,
                payment.declineReason, payment.gatewayChargeId, payment.gatewayRefundId, payment.createdAt, payment.capturedAt,
                payment.closedAt);
    }
}
