package dev.orderflow.payment.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.payment.config.PaymentConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * The default gateway: a deterministic simulator that tests and users steer with the payment method token (see
 * {@link PaymentConfig.Simulator}). It keeps, per idempotency key, what it answered, like a real provider; every call
 * is counted in the {@code payment.gateway.requests} metric, which is how the tests count retries.
 */
@DefaultBean
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    static final String APPROVED = "tok_visa";
    static final String DECLINED = "tok_decline";
    static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    static final String NO_ANSWER = "tok_timeout";

    private final PaymentConfig.Simulator config;
    private final MeterRegistry metrics;
    private final Map<String, Object> answers;

    public SimulatedPaymentGateway(PaymentConfig config, MeterRegistry metrics) {
        this.config = config.simulator();
        this.metrics = metrics;
        int memory = this.config.memory();
        this.answers = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > memory;
            }
        };
    }

    @Override
    public Uni<ChargeResult> charge(ChargeRequest request) {
        metrics.counter("payment.gateway.requests", "operation", "charge").increment();
        if (NO_ANSWER.equals(request.paymentMethod())) {
            return Uni.createFrom().nothing();
        }
        return answer(() -> {
            synchronized (answers) {
                Object known = answers.get(request.idempotencyKey());
                if (known instanceof ChargeResult result) {
                    return result;
                }
                if (known instanceof Closed) {
                    return new Declined(PaymentDeclined.Reason.PAYMENT_CLOSED);
                }
                ChargeResult result = decide(request);
                answers.put(request.idempotencyKey(), result);
                return result;
            }
        });
    }

    @Override
    public Uni<RefundResult> refund(String idempotencyKey) {
        metrics.counter("payment.gateway.requests", "operation", "refund").increment();
        return answer(() -> {
            synchronized (answers) {
                Object known = answers.get(idempotencyKey);
                if (known instanceof Approved approved) {
                    Refunded refunded = new Refunded("re_" + UUID.randomUUID(), approved.chargeId());
                    answers.put(idempotencyKey, new Closed(refunded));
                    return refunded;
                }
                if (known instanceof Closed closed && closed.refund() != null) {
                    return closed.refund();
                }
                answers.put(idempotencyKey, new Closed(null));
                return new NothingCharged();
            }
        });
    }

    private ChargeResult decide(ChargeRequest request) {
        if (request.amount().compareTo(config.amountLimit()) > 0) {
            return new Declined(PaymentDeclined.Reason.AMOUNT_LIMIT_EXCEEDED);
        }
        return switch (request.paymentMethod()) {
            case APPROVED -> new Approved("ch_" + UUID.randomUUID());
            case DECLINED -> new Declined(PaymentDeclined.Reason.CARD_DECLINED);
            case INSUFFICIENT_FUNDS -> new Declined(PaymentDeclined.Reason.INSUFFICIENT_FUNDS);
            default -> new Declined(PaymentDeclined.Reason.INVALID_PAYMENT_METHOD);
        };
    }

    /** Answers after the configured latency, or fails transiently at the configured rate (before deciding anything). */
    private <T> Uni<T> answer(Supplier<T> decision) {
        Uni<T> answer = Uni.createFrom().deferred(() -> {
            if (config.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.failureRate()) {
                return Uni.createFrom().failure(new TransientGatewayException("simulated gateway failure"));
            }
            return Uni.createFrom().item(decision);
        });
        return config.latency().isZero() ? answer : answer.onItem().delayIt().by(config.latency());
    }

    /** A key that was refunded (or closed before any charge): no charge may follow. */
    private record Closed(Refunded refund) {
    }

}
