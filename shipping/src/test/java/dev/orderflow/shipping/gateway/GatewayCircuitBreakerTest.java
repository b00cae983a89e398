package dev.orderflow.shipping.gateway;

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

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orderflow.common.testing.InjectWireMock;
import dev.orderflow.shipping.gateway.CarrierGateway.CarrierUnavailable;
import dev.orderflow.shipping.gateway.CarrierGateway.LabelRequest;
import dev.orderflow.shipping.gateway.CarrierGateway.LabelResult;
import dev.orderflow.shipping.gateway.CarrierGateway.Labelled;
import dev.orderflow.shipping.gateway.CarrierGateway.Refused;
import dev.orderflow.shipping.testing.CarrierOnWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The client's circuit breaker, watched from the carrier's side: it opens once the last
 * {@value CarrierOnWireMock#BREAKER_VOLUME} attempts failed, then no request reaches the carrier until its delay has
 * passed; a successful trial closes it. Refused addresses are answers, and never open it.
 */
@QuarkusTest
@TestProfile(CarrierOnWireMock.class)
class GatewayCircuitBreakerTest {

    static final String LABEL = GatewayClient.LABEL_BREAKER;
    static final Duration WAIT = Duration.ofSeconds(10);

    @InjectWireMock
    WireMockServer carrier;

    @Inject
    CarrierGateway gateway;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void startClean() {
        carrier.resetAll();
        breakers.resetAll();
    }

    @Test
    void theBreakerOpensAfterTheThresholdAndLeavesTheCarrierAlone() {
        carrier.stubFor(GatewayRetryTest.ours(post("/labels")).willReturn(serviceUnavailable()));

        assertInstanceOf(CarrierUnavailable.class, label());
        assertEquals(3, requests(), "one attempt and two retries, all failed: below the threshold of four");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(LABEL));

        assertInstanceOf(CarrierUnavailable.class, label());
        assertEquals(4, requests(), "the fourth failure opens the breaker: the retries are not sent");
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(LABEL));

        assertInstanceOf(CarrierUnavailable.class, label(), "an open breaker is an unavailable carrier, no refusal");
        assertEquals(4, requests(), "an open breaker sends nothing");
    }

    @Test
    void theBreakerClosesAfterItsDelayOnASuccessfulTrial() {
        carrier.stubFor(GatewayRetryTest.ours(post("/labels")).willReturn(serviceUnavailable()));
        label();
        label();
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(LABEL));
        long openedAt = System.nanoTime();
        carrier.resetAll();
        carrier.stubFor(GatewayRetryTest.ours(post("/labels")).willReturn(okJson(GatewayRetryTest.LABEL)));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> label() instanceof Labelled);

        assertTrue(Duration.ofNanos(System.nanoTime() - openedAt).toMillis() >= CarrierOnWireMock.BREAKER_DELAY_MS,
                "open for its delay");
        assertEquals(1, requests(), "while open, the calls never reached the carrier; the trial did");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(LABEL));
        assertInstanceOf(Labelled.class, label());
        assertEquals(2, requests());
    }

    @Test
    void refusalsNeverOpenTheBreaker() {
        carrier.stubFor(GatewayRetryTest.ours(post("/labels"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"address_error\", \"code\": \"address_undeliverable\"}}")));

        for (int i = 0; i < 3 * CarrierOnWireMock.BREAKER_VOLUME; i++) {
            assertInstanceOf(Refused.class, label());
        }

        assertEquals(3 * CarrierOnWireMock.BREAKER_VOLUME, requests(), "each refusal asked once");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(LABEL));
    }

    private LabelResult label() {
        return gateway.createLabel(new LabelRequest(GatewayRetryTest.newOrder(), "ColiPoste", GatewayRetryTest.ADDRESS))
                .await().atMost(WAIT);
    }

    private int requests() {
        return carrier.countRequestsMatching(postRequestedFor(urlEqualTo("/labels"))
                .withHeader(CarrierLabels.IDEMPOTENCY_KEY, matching(GatewayRetryTest.OURS + ".*")).build()).getCount();
    }
}
