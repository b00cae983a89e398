package dev.orderflow.shipping.gateway;

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
import dev.orderflow.contracts.shipping.Address;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * The carrier as the service calls it, over HTTP ({@link CarrierLabels}). Each attempt is bounded in time; transient
 * failures (a timeout, a 5xx or 429, a connection that fails) are retried with backoff, which is safe because every
 * request carries the same idempotency key on every attempt (a label is booked under the order id, cancelled by its
 * own id); a circuit breaker leaves the carrier alone while it keeps failing. A refused address is an answer: never
 * retried, and no failure for the breaker.
 * <p>
 * The fallback turns how a call ended into an explicit outcome: a refusal into {@link CarrierGateway.Refused}, a
 * carrier that stayed unavailable into {@link CarrierGateway.CarrierUnavailable}, so that it never passes for a
 * refusal. A cancel of a label the carrier does not hold (a 404 {@code resource_missing}) is done: nothing is left to
 * call off. Any other failure (a request the carrier refuses as malformed, a 404 without that code) is left as it is.
 * <p>
 * The settings below are production defaults; each one can be changed through configuration, for instance
 * {@code quarkus.fault-tolerance."dev.orderflow.shipping.gateway.GatewayClient/createLabel".retry.max-retries}. Every
 * attempt is counted in the {@code shipping.carrier.requests} metric.
 */
@ApplicationScoped
public class GatewayClient implements CarrierGateway {

    /** The breakers' names, for {@code CircuitBreakerMaintenance} and the fault tolerance metrics. */
    public static final String LABEL_BREAKER = "carrier-label";
    public static final String CANCEL_BREAKER = "carrier-cancel";

    private final CarrierLabels carrier;
    private final Counter labels;
    private final Counter cancellations;

    public GatewayClient(@RestClient CarrierLabels carrier, MeterRegistry metrics) {
        this.carrier = carrier;
        this.labels = metrics.counter("shipping.carrier.requests", "operation", "label");
        this.cancellations = metrics.counter("shipping.carrier.requests", "operation", "cancel");
    }

    @Override
    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 3, delay = 100, retryOn = { TransientHttpException.class,
            TimeoutException.class }, abortOn = LabelRefusedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2, failOn = {
            TransientHttpException.class, TimeoutException.class })
    @CircuitBreakerName(LABEL_BREAKER)
    @Fallback(fallbackMethod = "labelNotBooked", applyOn = { LabelRefusedException.class, TransientHttpException.class,
            TimeoutException.class, CircuitBreakerOpenException.class })
    public Uni<LabelResult> createLabel(LabelRequest request) {
        Address to = request.address();
        var label = new CarrierLabels.NewLabel(request.carrier(), request.orderId(), new CarrierLabels.Recipient(to.name(),
                to.line1(), to.line2(), to.city(), to.postalCode(), to.country()));
        return OutboundRequests.attempt(labels, CarrierLabels.PEER, () -> carrier.create(request.orderId(), label))
                .map(booked -> new Labelled(booked.id(), booked.trackingNumber(), booked.estimatedDelivery()));
    }

    @Override
    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 3, delay = 100, retryOn = { TransientHttpException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2, failOn = {
            TransientHttpException.class, TimeoutException.class })
    @CircuitBreakerName(CANCEL_BREAKER)
    @Fallback(fallbackMethod = "labelNotCancelled", applyOn = { TransientHttpException.class, TimeoutException.class,
            CircuitBreakerOpenException.class })
    public Uni<CancelResult> cancelLabel(CancelRequest request) {
        return OutboundRequests
                .attempt(cancellations, CarrierLabels.PEER,
                        () -> carrier.cancel(request.labelId(), request.orderId() + ":cancel"))
                .<CancelResult> map(cancelled -> new Cancelled(cancelled.id()))
                // the carrier holds no such label (it dropped it, or never kept it): nothing is left to call off
                .onFailure(NoSuchResourceException.class).recoverWithItem(() -> new Cancelled(request.labelId()));
    }

    Uni<LabelResult> labelNotBooked(LabelRequest request, LabelRefusedException refused) {
        return Uni.createFrom().item(new Refused(refused.reason(), refused.detail()));
    }

    Uni<LabelResult> labelNotBooked(LabelRequest request, Exception unavailable) {
        return Uni.createFrom().item(new CarrierUnavailable(unavailable.toString()));
    }

    Uni<CancelResult> labelNotCancelled(CancelRequest request, Exception unavailable) {
        return Uni.createFrom().item(new CarrierUnavailable(unavailable.toString()));
    }
}
