package dev.orderflow.payment.service;

import dev.orderflow.contracts.payment.NothingToRefund;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.PaymentRefunded;
import dev.orderflow.payment.Payment;
import dev.orderflow.payment.PaymentStatus;

/** The reply to each command, read from the payment alone, so a repeated command gets the first one's reply. */
public final class PaymentReplies {

    private PaymentReplies() {
    }

    /**
     * Charged if the money was ever captured; else why not. A voided payment was not, even if it was recorded as
     * captured: the provider had no charge for the order when it was refunded.
     */
    public static Object charge(Payment payment) {
        if (payment.status == PaymentStatus.VOIDED) {
            return new PaymentDeclined(payment.orderId, payment.id, PaymentDeclined.Reason.PAYMENT_CLOSED);
        }
        if (payment.capturedAt != null) {
            return new PaymentCharged(payment.orderId, payment.id, payment.amount, payment.currency);
        }
        if (payment.status == PaymentStatus.DECLINED) {
            return new PaymentDeclined(payment.orderId, payment.id, payment.declineReason);
        }
        throw new IllegalStateException(
                "payment " + payment.id + " of order " + payment.orderId + " is still " + payment.status);
    }

    public static Object refund(Payment payment) {
        if (payment.status == PaymentStatus.REFUNDED) {
            return new PaymentRefunded(payment.orderId, payment.id, payment.amount, payment.currency);
        }
        if (payment.status == PaymentStatus.DECLINED || payment.status == PaymentStatus.VOIDED) {
            return new NothingToRefund(payment.orderId);
        }
        throw new IllegalStateException(
                "payment " + payment.id + " of order " + payment.orderId + " is still " + payment.status);
    }
}
