package dev.orderflow.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orderflow.common.http.NoSuchResourceException;
import dev.orderflow.common.http.OutboundRequests;
import dev.orderflow.common.http.TransientHttpException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * The payment provider as the service calls it, over HTTP ({@link PaymentProvider}). Each attempt is bounded in time;
 * transient failures (a timeout, a 5xx or 429, a connection that fails) are retried with backoff, which is safe because
 * every request carries the same idempotency key on every attempt; a circuit breaker leaves the provider alone while it
 * keeps failing. A decline is an answer: never retried, and no failure for the breaker.
 * <p>
 * The fallback turns how a call ended into an explicit outcome: a decline into {@link PaymentGateway.Declined}, a
 * provider that stayed unavailable into {@link PaymentGateway.ProviderUnavailable}, so that it never passes for a
 * decline. Any other failure (a request the provider refuses) is left as it is. A refund of a charge the provider does
 * not know is an answer too: the method itself turns it into {@link PaymentGateway.UnknownCharge}, before the fault
 * tolerance sees it.
 * <p>
 * The settings below are production defaults; each one can be changed through configuration, for instance
 * {@code quarkus.fault-tolerance."dev.orderflow.payment.gateway.GatewayClient/charge".retry.max-retries}. Every attempt
 * is counted in the {@code payment.gateway.requests} metric.
 */
@ApplicationScoped
public class GatewayClient implements PaymentGateway {

    /** The breakers' names, for {@code CircuitBreakerMaintenance} and the fault tolerance metrics. */
    public static final String CHARGE_BREAKER = "payment-provider-charge";
    public static final String REFUND_BREAKER = "payment-provider-refund";

    private final PaymentProvider provider;
    private final Counter charges;
    private final Counter refunds;

    public GatewayClient(@RestClient PaymentProvider provider, MeterRegistry metrics) {
        this.provider = provider;
        this.charges = metrics.counter("payment.gateway.requests", "operation", "charge");
        this.refunds = metrics.counter("payment.gateway.requests", "operation", "refund");
    }

    @Override
    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 3, delay = 100, retryOn = { TransientHttpException.class,
            TimeoutException.class }, abortOn = ChargeDeclinedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2, failOn = {
            TransientHttpException.class, TimeoutException.class })
    @CircuitBreakerName(CHARGE_BREAKER)
    @Fallback(fallbackMethod = "chargeNotTaken", applyOn = { ChargeDeclinedException.class, TransientHttpException.class,
            TimeoutException.class, CircuitBreakerOpenException.class })
    public Uni<ChargeResult> charge(ChargeRequest request) {
        var charge = new PaymentProvider.NewCharge(request.amount(), request.currency(), request.paymentMethod(),
                request.orderId(), request.customerId());
        return OutboundRequests.attempt(charges, PaymentProvider.PEER, () -> provider.charge(request.orderId(), charge))
                .map(taken -> new Approved(taken.id()));
    }

    @Override
    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 3, delay = 100, retryOn = { TransientHttpException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2, failOn = {
            TransientHttpException.class, TimeoutException.class })
    @CircuitBreakerName(REFUND_BREAKER)
    @Fallback(fallbackMethod = "refundNotDone", applyOn = { TransientHttpException.class, TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<RefundResult> refund(RefundRequest request) {
        if (request.chargeId() != null) {
            return OutboundRequests
                    .attempt(refunds, PaymentProvider.PEER,
                            () -> provider.refund(request.chargeId(), request.orderId() + ":refund"))
                    .<RefundResult> map(refund -> new Refunded(refund.id(), refund.charge()))
                    .onFailure(NoSuchResourceException.class).recoverWithItem(() -> new UnknownCharge(request.chargeId()));
        }
        // the charge's answer never came: the provider knows the order by its reference
        return OutboundRequests.attempt(refunds, PaymentProvider.PEER,
                () -> provider.cancel(request.orderId() + ":cancel", new PaymentProvider.NewCancellation(request.orderId())))
                .map(cancellation -> cancellation.refunded() ? new Refunded(cancellation.refund(), cancellation.charge())
                        : new NothingCharged());
    }

    Uni<ChargeResult> chargeNotTaken(ChargeRequest request, ChargeDeclinedException declined) {
        return Uni.createFrom().item(new Declined(declined.reason()));
    }

    Uni<ChargeResult> chargeNotTaken(ChargeRequest request, Exception unavailable) {
        return Uni.createFrom().item(new ProviderUnavailable(unavailable.toString()));
    }

    Uni<RefundResult> refundNotDone(RefundRequest request, Exception unavailable) {
        return Uni.createFrom().item(new ProviderUnavailable(unavailable.toString()));
    }
}
