package dev.orderflow.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A gateway that never answers ({@code tok_timeout}): each call is cut off by the timeout, and retried. */
@QuarkusTest
@TestProfile(GatewayTimeoutTest.ImpatientClient.class)
class GatewayTimeoutTest {

    static final String CHARGE = "quarkus.fault-tolerance.\"dev.orderflow.payment.gateway.GatewayClient/charge\".";

    public static class ImpatientClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    CHARGE + "timeout.value", "200",
                    CHARGE + "timeout.unit", "millis",
                    CHARGE + "retry.max-retries", "1",
                    CHARGE + "retry.delay", "10");
        }
    }

    @Inject
    GatewayClient client;

    @Inject
    MeterRegistry metrics;

    @Test
    void aGatewayThatNeverAnswersIsCutOffByTheTimeoutAndRetried() {
        double start = calls();

        Object outcome = client
                .charge(new PaymentGateway.ChargeRequest("order-" + UUID.randomUUID(), new BigDecimal("10.00"), "EUR",
                        "tok_timeout"))
                .map(Object.class::cast).onFailure().recoverWithItem(failure -> failure)
                .await().atMost(Duration.ofSeconds(5));

        assertInstanceOf(TimeoutException.class, outcome);
        assertEquals(2, calls() - start, "one call and one retry, each cut off after 200 ms");
    }

    private double calls() {
        return metrics.counter("payment.gateway.requests", "operation", "charge").count();
    }
}
