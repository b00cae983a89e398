package dev.orderflow.payment.gateway;

import java.math.BigDecimal;

import dev.orderflow.contracts.payment.PaymentDeclined;
import io.smallrye.mutiny.Uni;

/**
 * A payment provider. Both operations are idempotent per key (the order id), as real providers' idempotency keys are:
 * asking again returns the first answer, so a charge retried after a timeout is never taken twice.
 * <p>
 * Failures that a retry may cure are signalled with {@link TransientGatewayException}; a provider that does not answer
 * simply never completes (callers bound it with a timeout).
 */
public interface PaymentGateway {

    Uni<ChargeResult> charge(ChargeRequest request);

    /** Gives back what was charged under the key; when nothing was, closes the key so no later charge succeeds. */
    Uni<RefundResult> refund(String idempotencyKey);

    record ChargeRequest(String idempotencyKey, BigDecimal amount, String currency, String paymentMethod) {
    }

    sealed interface ChargeResult {
    }

    record Approved(String chargeId) implements ChargeResult {
    }

    record Declined(PaymentDeclined.Reason reason) implements ChargeResult {
    }

    sealed interface RefundResult {
    }

    record Refunded(String refundId, String chargeId) implements RefundResult {
    }

    /** Nothing was charged under the key; the key is now closed. */
    record NothingCharged() implements RefundResult {
    }
}
