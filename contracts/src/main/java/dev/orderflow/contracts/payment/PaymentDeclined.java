package dev.orderflow.contracts.payment;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reply to {@link ChargePayment}: nothing was charged. */
@MessageType("payment.declined")
@RegisterForReflection
public record PaymentDeclined(String orderId, String paymentId, Reason reason) {

    @RegisterForReflection
    public enum Reason {
        CARD_DECLINED,
        INSUFFICIENT_FUNDS,
        AMOUNT_LIMIT_EXCEEDED,
        INVALID_PAYMENT_METHOD,
        /** the order's payment was refunded (closed) before this charge arrived */
        PAYMENT_CLOSED
    }
}
