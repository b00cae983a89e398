package dev.orderflow.payment.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.rabbitmq.client.GetResponse;

import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.payment.PaymentStatus;
import dev.orderflow.payment.repository.PaymentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A gateway that always fails transiently: the client's retries are counted call by call, then its breaker opens and
 * the gateway is left alone. Settings are shortened through configuration, not by waiting.
 */
@QuarkusTest
@TestProfile(GatewayFaultToleranceTest.FailingGateway.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayFaultToleranceTest {

    static final String CHARGE = "quarkus.fault-tolerance.\"dev.orderflow.payment.gateway.GatewayClient/charge\".";

    public static class FailingGateway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "payment.simulator.failure-rate", "1",
                    CHARGE + "retry.max-retries", "2",
                    CHARGE + "retry.delay", "10",
                    CHARGE + "exponential-backoff.max-delay", "20",
                    CHARGE + "circuit-breaker.request-volume-threshold", "6",
                    CHARGE + "circuit-breaker.failure-ratio", "1.0",
                    CHARGE + "circuit-breaker.delay", "60000",
                    "orderflow.messaging.retry.initial-backoff", "5ms",
                    "orderflow.messaging.retry.max-backoff", "10ms");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    GatewayClient client;

    @Inject
    MeterRegistry metrics;

    @Inject
    PaymentRepository payments;

    @Test
    @Order(1)
    void transientFailuresAreRetriedThenTheBreakerOpens() {
        double start = calls();

        Object first = outcome();
        double afterFirst = calls();
        Object second = outcome();
        double afterSecond = calls();
        Object third = outcome();

        assertInstanceOf(TransientGatewayException.class, first);
        assertEquals(3, afterFirst - start, "one call and two retries");
        assertInstanceOf(TransientGatewayException.class, second);
        assertEquals(3, afterSecond - afterFirst, "six failures in six calls: the breaker opens");
        assertInstanceOf(CircuitBreakerOpenException.class, third);
        assertEquals(afterSecond, calls(), "an open breaker leaves the gateway alone");
    }

    @Test
    @Order(2)
    void aChargeTheGatewayNeverTakesIsParkedAndNothingIsCaptured() throws Exception {
        String order = "order-" + UUID.randomUUID();
        try (TestBroker broker = TestBroker.connect()) {
            broker.purge("payment.commands.dlq");
            broker.sendCommand(order + ":charge", order, "nobody",
                    new ChargePayment(order, "customer-1", new BigDecimal("10.00"), "EUR", "tok_visa"));

            Optional<GetResponse> parked = await().atMost(Duration.ofSeconds(30))
                    .until(() -> broker.drain("payment.commands.dlq").stream()
                            .filter(message -> (order + ":charge").equals(message.getProps().getMessageId())).findFirst(),
                            Optional::isPresent);
            assertTrue(parked.isPresent());
        }
        assertEquals(PaymentStatus.PENDING, payments.findByOrderId(order).await().atMost(WAIT).status,
                "undecided: a refund will settle it at the gateway");
    }

    /** What a charge ends with: its result, or the failure that ended it. */
    private Object outcome() {
        return client.charge(request()).map(Object.class::cast).onFailure().recoverWithItem(failure -> failure).await()
                .atMost(WAIT);
    }

    private double calls() {
        return metrics.counter("payment.gateway.requests", "operation", "charge").count();
    }

    private static PaymentGateway.ChargeRequest request() {
        return new PaymentGateway.ChargeRequest("order-" + UUID.randomUUID(), new BigDecimal("10.00"), "EUR", "tok_visa");
    }
}
