package dev.orderflow.payment.gateway;

import java.math.BigDecimal;

import dev.orderflow.contracts.payment.PaymentDeclined;
import io.smallrye.mutiny.Uni;

/**
 * The payment provider as the payment service sees it. Both operations are idempotent per order, as a real provider's
 * idempotency keys make them: asking again returns the first answer, so a charge retried after a timeout is never
 * taken twice.
 * <p>
 * Every call ends with an explicit outcome, never with a provider failure: a provider that could not be reached, even
 * after retries, answers {@link ProviderUnavailable}, which is no decline: the caller tries again later.
 */
public interface PaymentGateway {

    Uni<ChargeResult> charge(ChargeRequest request);

    /**
     * Gives back what was charged for the order: the charge named, or {@link UnknownCharge} when the provider knows no
     * charge by that id. Without the charge's id (the charge's answer never came), whatever the provider charged for
     * the order is given back, and when it charged nothing, the order is closed there, so that no later charge for it
     * succeeds; that never answers {@link UnknownCharge}.
     */
    Uni<RefundResult> refund(RefundRequest request);

    /** A charge of the order's amount; the order id is its idempotency key and its reference at the provider. */
    record ChargeRequest(String orderId, String customerId, BigDecimal amount, String currency, String paymentMethod) {
    }

    /** @param chargeId the provider's id of the order's charge, or null when the charge's answer never came */
    record RefundRequest(String orderId, String chargeId) {
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

    /** Nothing was charged for the order; it is now closed at the provider. */
    record NothingCharged() implements RefundResult {
    }

    /**
     * The provider knows no charge by the id given: nothing was refunded. It may still hold a charge for the order,
     * which a refund without the charge's id (by the order's reference) gives back.
     */
    record UnknownCharge(String chargeId) implements RefundResult {
    }

    /** The provider could not be asked (down, overloaded, too slow or cut off by the circuit breaker): try later. */
    record ProviderUnavailable(String cause) implements ChargeResult, RefundResult {
    }
}
