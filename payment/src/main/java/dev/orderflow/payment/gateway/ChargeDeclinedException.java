package dev.orderflow.payment.gateway;

import dev.orderflow.contracts.payment.PaymentDeclined;

/**
 * The provider declined the charge (a 402): an answer, not a failure. No retry may change it, and it says nothing
 * against the provider's health.
 */
class ChargeDeclinedException extends RuntimeException {

    private final transient PaymentDeclined.Reason reason;

    ChargeDeclinedException(String declineCode) {
        super("the payment provider declined the charge: " + declineCode, null, false, false);
        this.reason = reason(declineCode);
    }

    PaymentDeclined.Reason reason() {
        return reason;
    }

    /** The provider's decline codes; a code it adds later is still a decline. */
    static PaymentDeclined.Reason reason(String declineCode) {
        if (declineCode == null) {
            return PaymentDeclined.Reason.CARD_DECLINED;
        }
        return switch (declineCode) {
            case "insufficient_funds" -> PaymentDeclined.Reason.INSUFFICIENT_FUNDS;
            case "invalid_amount" -> PaymentDeclined.Reason.AMOUNT_LIMIT_EXCEEDED;
            case "invalid_payment_method" -> PaymentDeclined.Reason.INVALID_PAYMENT_METHOD;
            case "reference_closed" -> PaymentDeclined.Reason.PAYMENT_CLOSED;
            default -> PaymentDeclined.Reason.CARD_DECLINED;
        };
    }
}
