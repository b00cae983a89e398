package dev.orderflow.payment.gateway;

import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.payment.PaymentStatus;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeRequest;
import dev.orderflow.payment.gateway.PaymentGateway.ProviderUnavailable;
import dev.orderflow.payment.repository.PaymentRepository;
import dev.orderflow.payment.testing.ProviderDown;
import dev.orderflow.payment.testing.ProviderOnWireMock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A provider nobody can connect to: each refused connection is retried, then the charge ends as "provider
 * unavailable"; through the saga's command, that is a failure to try again, never a decline: the command is redelivered
 * and finally parked, no reply is sent, and the payment stays PENDING for a refund to settle.
 */
@QuarkusTest
@TestProfile(ProviderDown.class)
class ProviderDownTest {

    static final String REPLY_TO = "payment-down-test-" + UUID.randomUUID();
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @Inject
    PaymentGateway gateway;

    @Inject
    MeterRegistry metrics;

    @Inject
    PaymentRepository payments;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeTheBreakers() {
        breakers.resetAll();
    }

    @Test
    void aRefusedConnectionIsRetriedThenTheProviderIsUnavailable() {
        double before = attempts();

        Object outcome = gateway.charge(new ChargeRequest("order-" + UUID.randomUUID(), "customer-1",
                new BigDecimal("10.00"), "EUR", "tok_visa")).await().atMost(WAIT);

        assertInstanceOf(ProviderUnavailable.class, outcome);
        assertEquals(1 + ProviderOnWireMock.RETRIES, attempts() - before, "one attempt and its retries");
    }

    @Test
    void aChargeTheProviderNeverTakesIsParkedUnansweredAndStaysPending() {
        String order = "order-" + UUID.randomUUID();
        broker.sendCommandUntilParked("payment.commands.dlq", Duration.ofSeconds(30), order + ":charge", order, REPLY_TO,
                new ChargePayment(order, "customer-1", new BigDecimal("10.00"), "EUR", "tok_visa"));

        assertTrue(replies.received(correlatedTo(order)).isEmpty(), "no reply: above all, no decline");
        assertEquals(PaymentStatus.PENDING, payments.findByOrderId(order).await().atMost(WAIT).status,
                "undecided: a refund will settle it at the provider");
    }

    private double attempts() {
        return metrics.counter("payment.gateway.requests", "operation", "charge").count();
    }
}
