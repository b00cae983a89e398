package dev.orderflow.payment.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orderflow.common.testing.InjectWireMock;
import dev.orderflow.contracts.payment.PaymentDeclined.Reason;
import dev.orderflow.payment.gateway.PaymentGateway.Approved;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeRequest;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeResult;
import dev.orderflow.payment.gateway.PaymentGateway.Declined;
import dev.orderflow.payment.gateway.PaymentGateway.ProviderUnavailable;
import dev.orderflow.payment.testing.ProviderOnWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The client's circuit breaker, watched from the provider's side: it opens once the last
 * {@value ProviderOnWireMock#BREAKER_VOLUME} attempts failed, then no request reaches the provider until its delay has
 * passed; a successful trial closes it. Declines are answers, and never open it.
 */
@QuarkusTest
@TestProfile(ProviderOnWireMock.class)
class GatewayCircuitBreakerTest {

    static final String CHARGE = GatewayClient.CHARGE_BREAKER;
    static final Duration WAIT = Duration.ofSeconds(10);

    @InjectWireMock
    WireMockServer provider;

    @Inject
    PaymentGateway gateway;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void startClean() {
        provider.resetAll();
        breakers.resetAll();
    }

    @Test
    void theBreakerOpensAfterTheThresholdAndLeavesTheProviderAlone() {
        provider.stubFor(GatewayRetryTest.ours(post("/charges")).willReturn(serviceUnavailable()));

        assertInstanceOf(ProviderUnavailable.class, charge());
        assertEquals(3, requests(), "one attempt and two retries, all failed: below the threshold of four");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(CHARGE));

        assertInstanceOf(ProviderUnavailable.class, charge());
        assertEquals(4, requests(), "the fourth failure opens the breaker: the retries are not sent");
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(CHARGE));

        assertInstanceOf(ProviderUnavailable.class, charge(), "an open breaker is an unavailable provider, no decline");
        assertEquals(4, requests(), "an open breaker sends nothing");
    }

    @Test
    void theBreakerClosesAfterItsDelayOnASuccessfulTrial() {
        provider.stubFor(GatewayRetryTest.ours(post("/charges")).willReturn(serviceUnavailable()));
        charge();
        charge();
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(CHARGE));
        long openedAt = System.nanoTime();
        provider.resetAll();
        provider.stubFor(
                GatewayRetryTest.ours(post("/charges")).willReturn(okJson("{\"id\": \"ch_1\", \"status\": \"succeeded\"}")));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> charge() instanceof Approved);

        assertTrue(Duration.ofNanos(System.nanoTime() - openedAt).toMillis() >= ProviderOnWireMock.BREAKER_DELAY_MS,
                "open for its delay");
        assertEquals(1, requests(), "while open, the calls never reached the provider; the trial did");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(CHARGE));
        assertInstanceOf(Approved.class, charge());
        assertEquals(2, requests());
    }

    @Test
    void declinesNeverOpenTheBreaker() {
        provider.stubFor(GatewayRetryTest.ours(post("/charges"))
                .willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"card_error\", \"declineCode\": \"insufficient_funds\"}}")));

        for (int i = 0; i < 3 * ProviderOnWireMock.BREAKER_VOLUME; i++) {
            assertEquals(new Declined(Reason.INSUFFICIENT_FUNDS), charge());
        }

        assertEquals(3 * ProviderOnWireMock.BREAKER_VOLUME, requests(),
                () -> "each decline asked once: "
                        + provider.getAllServeEvents().stream()
                                .map(e -> e.getRequest().getHeader("Idempotency-Key") + "@"
                                        + e.getRequest().getLoggedDate().getTime() + " " + e.getResponse().getStatus())
                                .toList());
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(CHARGE));
    }

    private ChargeResult charge() {
        return gateway.charge(new ChargeRequest(GatewayRetryTest.newOrder(), "customer-1", new BigDecimal("10.00"), "EUR",
                "tok_visa")).await().atMost(WAIT);
    }

    private int requests() {
        return provider.countRequestsMatching(postRequestedFor(urlEqualTo("/charges"))
                .withHeader(PaymentProvider.IDEMPOTENCY_KEY, matching(GatewayRetryTest.OURS + ".*")).build()).getCount();
    }
}
