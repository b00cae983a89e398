package dev.orderflow.payment.gateway;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * The gateway as the service calls it: every call is bounded in time, retried with backoff when the failure may be
 * transient (it is safe: the gateway is idempotent per key), and cut off by a circuit breaker while the gateway keeps
 * failing. The settings below are production defaults; every one can be changed through configuration
 * ({@code quarkus.fault-tolerance."dev.orderflow.payment.gateway.GatewayClient/charge".retry.max-retries} and so on).
 */
@ApplicationScoped
public class GatewayClient {

    private final PaymentGateway gateway;

    public GatewayClient(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @AsynchronousNonBlocking
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 100, retryOn = { TransientGatewayException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public Uni<PaymentGateway.ChargeResult> charge(PaymentGateway.ChargeRequest request) {
        return gateway.charge(request);
    }

    @AsynchronousNonBlocking
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 100, retryOn = { TransientGatewayException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public Uni<PaymentGateway.RefundResult> refund(String idempotencyKey) {
        return gateway.refund(idempotencyKey);
    }
}
