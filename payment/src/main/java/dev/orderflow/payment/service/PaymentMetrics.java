package dev.orderflow.payment.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.payment.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Payment's meters (docs/operations.md, "Watching"): {@code payment.charges} (tag {@code outcome} approved or
 * declined) and {@code payment.refunds}, counted when a payment is moved to CAPTURED, DECLINED or REFUNDED: a conditional
 * update on the status it was read in, which one worker makes. A repeated command is answered from the stored payment,
 * and a worker that lost the race to another stores nothing: neither counts. A refund of a payment never charged
 * (VOIDED) is not a refund. Every request to the provider, retries included, is {@code payment.gateway.requests}.
 */
// at start: its series exist from then on, at 0, for an alert on their first increase
@Startup
@ApplicationScoped
public class PaymentMetrics {

    private final Counter approved;
    private final Counter declined;
    private final Counter refunded;

    public PaymentMetrics(MeterRegistry registry) {
        this.approved = charges(registry, "approved");
        this.declined = charges(registry, "declined");
        this.refunded = Counter.builder("payment.refunds").description("Captured payments refunded").register(registry);
    }

    /** This worker moved a payment to {@code status}. */
    void settled(PaymentStatus status) {
        switch (status) {
            case CAPTURED -> approved.increment();
            case DECLINED -> declined.increment();
            case REFUNDED -> refunded.increment();
            default -> {
            }
        }
    }

    private static Counter charges(MeterRegistry registry, String outcome) {
        return Counter.builder("payment.charges").description("Charges the provider approved, or declined")
                .tag("outcome", outcome).register(registry);
    }
}
