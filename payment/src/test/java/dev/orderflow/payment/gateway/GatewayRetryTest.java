package dev.orderflow.payment.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.orderflow.common.testing.InjectWireMock;
import dev.orderflow.contracts.payment.PaymentDeclined.Reason;
import dev.orderflow.payment.gateway.PaymentGateway.Approved;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeRequest;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeResult;
import dev.orderflow.payment.gateway.PaymentGateway.Declined;
import dev.orderflow.payment.gateway.PaymentGateway.NothingCharged;
import dev.orderflow.payment.gateway.PaymentGateway.ProviderUnavailable;
import dev.orderflow.payment.gateway.PaymentGateway.RefundRequest;
import dev.orderflow.payment.gateway.PaymentGateway.RefundResult;
import dev.orderflow.payment.gateway.PaymentGateway.Refunded;
import dev.orderflow.payment.gateway.PaymentGateway.UnknownCharge;
import dev.orderflow.payment.testing.ProviderOnWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The client's retries, counted request by request at the provider: every transient failure is tried
 * {@value ProviderOnWireMock#RETRIES} times more, always under the same idempotency key; a decline is asked exactly
 * once. Each test starts with the breakers closed and WireMock empty.
 */
@QuarkusTest
@TestProfile(ProviderOnWireMock.class)
class GatewayRetryTest {

    static final int ATTEMPTS = 1 + ProviderOnWireMock.RETRIES;
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String OURS = "order-wiremock-";

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
    void theChargeIsSentAsTheProviderExpects() {
        String order = newOrder();
        provider.stubFor(
                ours(post("/charges")).willReturn(okJson("{\"id\": \"ch_1\", \"status\": \"succeeded\", \"extra\": 1}")));

        assertEquals(new Approved("ch_1"), charge(order, "tok_visa"));

        provider.verify(1, charges(order).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"amount\": 10.00, \"currency\": \"EUR\", \"paymentMethod\": \"tok_visa\","
                        + " \"reference\": \"" + order + "\", \"customer\": \"customer-1\"}")));
    }

    @Test
    void a503IsRetriedUnderTheSameKeyThenTheProviderIsUnavailable() {
        String order = newOrder();
        provider.stubFor(ours(post("/charges")).willReturn(serviceUnavailable()));

        assertInstanceOf(ProviderUnavailable.class, charge(order, "tok_visa"));

        provider.verify(ATTEMPTS, charges(order));
        provider.verify(0, postRequestedFor(urlEqualTo("/charges")).withoutHeader(PaymentProvider.IDEMPOTENCY_KEY));
    }

    @Test
    void aRetryThatSucceedsIsTheChargeTakenOnce() {
        String order = newOrder();
        provider.stubFor(ours(post("/charges")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovering"));
        provider.stubFor(ours(post("/charges")).inScenario("flaky").whenScenarioStateIs("recovering")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("up"));
        provider.stubFor(ours(post("/charges")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"id\": \"ch_2\", \"status\": \"succeeded\"}")));

        assertEquals(new Approved("ch_2"), charge(order, "tok_visa"));

        provider.verify(3, charges(order));
        provider.verify(0, postRequestedFor(urlEqualTo("/charges")).withoutHeader(PaymentProvider.IDEMPOTENCY_KEY));
    }

    @Test
    void aDeclineIsAskedExactlyOnce() {
        assertDeclinedAtFirstAsk("generic_decline", Reason.CARD_DECLINED);
        assertDeclinedAtFirstAsk("insufficient_funds", Reason.INSUFFICIENT_FUNDS);
        assertDeclinedAtFirstAsk("invalid_amount", Reason.AMOUNT_LIMIT_EXCEEDED);
        assertDeclinedAtFirstAsk("invalid_payment_method", Reason.INVALID_PAYMENT_METHOD);
        assertDeclinedAtFirstAsk("reference_closed", Reason.PAYMENT_CLOSED);
        assertDeclinedAtFirstAsk("a_code_added_later", Reason.CARD_DECLINED);
    }

    @Test
    void aDeclineWithoutAReadableReasonIsStillADecline() {
        String order = newOrder();
        provider.stubFor(ours(post("/charges")).willReturn(aResponse().withStatus(402).withBody("Payment Required")));

        assertEquals(new Declined(Reason.CARD_DECLINED), charge(order, "tok_decline"));

        provider.verify(1, charges(order));
    }

    @Test
    void aProviderTooSlowIsCutOffByTheTimeoutAndRetried() {
        String order = newOrder();
        provider.stubFor(ours(post("/charges")).willReturn(okJson("{\"id\": \"ch_late\", \"status\": \"succeeded\"}")
                .withFixedDelay(ProviderOnWireMock.TIMEOUT_MS * 2)));

        assertInstanceOf(ProviderUnavailable.class, charge(order, "tok_visa"));

        // the provider may log a request it is still answering a moment after the client gave up on it
        await().atMost(WAIT).untilAsserted(() -> provider.verify(ATTEMPTS, charges(order)));
    }

    @Test
    void aConnectionThatFailsIsRetried() {
        String order = newOrder();
        provider.stubFor(ours(post("/charges")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertInstanceOf(ProviderUnavailable.class, charge(order, "tok_visa"));

        provider.verify(ATTEMPTS, charges(order));
    }

    @Test
    void aRequestTheProviderRefusesIsNotRetriedAndStaysAFailure() {
        String order = newOrder();
        provider.stubFor(ours(post("/charges")).willReturn(aResponse().withStatus(400)));

        Object outcome = gateway.charge(request(order, "tok_visa")).map(Object.class::cast)
                .onFailure().recoverWithItem(failure -> failure).await().atMost(WAIT);

        assertInstanceOf(jakarta.ws.rs.WebApplicationException.class, outcome);
        provider.verify(1, charges(order));
    }

    @Test
    void aRefundOfAKnownChargeIsRetriedUnderTheSameKey() {
        String order = newOrder();
        provider.stubFor(post("/charges/ch_3/refunds").inScenario("refund").whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("up"));
        provider.stubFor(post("/charges/ch_3/refunds").inScenario("refund").whenScenarioStateIs("up")
                .willReturn(okJson("{\"id\": \"re_3\", \"charge\": \"ch_3\", \"status\": \"succeeded\"}")));

        assertEquals(new Refunded("re_3", "ch_3"), refund(order, "ch_3"));

        provider.verify(2, postRequestedFor(urlEqualTo("/charges/ch_3/refunds"))
                .withHeader(PaymentProvider.IDEMPOTENCY_KEY, equalTo(order + ":refund")));
    }

    @Test
    void aRefundOfAnUnansweredChargeCancelsByTheOrdersReference() {
        String charged = newOrder();
        String uncharged = newOrder();
        provider.stubFor(post("/cancellations").withRequestBody(equalToJson("{\"reference\": \"" + charged + "\"}"))
                .willReturn(okJson("{\"status\": \"refunded\", \"charge\": \"ch_4\", \"refund\": \"re_4\"}")));
        provider.stubFor(post("/cancellations").withRequestBody(equalToJson("{\"reference\": \"" + uncharged + "\"}"))
                .willReturn(okJson("{\"status\": \"cancelled\"}")));

        assertEquals(new Refunded("re_4", "ch_4"), refund(charged, null));
        assertEquals(new NothingCharged(), refund(uncharged, null));

        provider.verify(1, postRequestedFor(urlEqualTo("/cancellations"))
                .withHeader(PaymentProvider.IDEMPOTENCY_KEY, equalTo(charged + ":cancel")));
    }

    @Test
    void aRefundOfAChargeTheProviderDoesNotKnowIsAnUnknownChargeAskedOnce() {
        String order = newOrder();
        provider.stubFor(post("/charges/ch_gone/refunds").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                        + " \"message\": \"No such charge: ch_gone\"}}")));

        assertEquals(new UnknownCharge("ch_gone"), refund(order, "ch_gone"));

        provider.verify(1, postRequestedFor(urlEqualTo("/charges/ch_gone/refunds")));
        provider.verify(0, postRequestedFor(urlEqualTo("/cancellations")));
    }

    @Test
    void anotherNotFoundOfARefundStaysAFailure() {
        String order = newOrder();
        provider.stubFor(post("/charges/ch_elsewhere/refunds").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"url_invalid\"}}")));

        Object outcome = gateway.refund(new RefundRequest(order, "ch_elsewhere")).map(Object.class::cast)
                .onFailure().recoverWithItem(failure -> failure).await().atMost(WAIT);

        assertInstanceOf(jakarta.ws.rs.WebApplicationException.class, outcome);
        provider.verify(1, postRequestedFor(urlEqualTo("/charges/ch_elsewhere/refunds")));
    }

    @Test
    void aRefundTheProviderCannotTakeIsRetriedThenUnavailable() {
        String order = newOrder();
        provider.stubFor(ours(post("/cancellations")).willReturn(aResponse().withStatus(502)));

        assertInstanceOf(ProviderUnavailable.class, refund(order, null));

        provider.verify(ATTEMPTS, postRequestedFor(urlEqualTo("/cancellations"))
                .withHeader(PaymentProvider.IDEMPOTENCY_KEY, equalTo(order + ":cancel")));
    }

    private void assertDeclinedAtFirstAsk(String declineCode, Reason reason) {
        String order = newOrder();
        provider.stubFor(post("/charges").withHeader(PaymentProvider.IDEMPOTENCY_KEY, equalTo(order))
                .willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"card_error\", \"code\": \"card_declined\", \"declineCode\": \""
                                + declineCode + "\", \"message\": \"declined\", \"charge\": \"ch_x\"}}")));

        assertEquals(new Declined(reason), charge(order, "tok_decline"), declineCode);

        provider.verify(1, charges(order));
    }

    private ChargeResult charge(String order, String token) {
        return gateway.charge(request(order, token)).await().atMost(WAIT);
    }

    private RefundResult refund(String order, String chargeId) {
        return gateway.refund(new RefundRequest(order, chargeId)).await().atMost(WAIT);
    }

    private static ChargeRequest request(String order, String token) {
        return new ChargeRequest(order, "customer-1", new BigDecimal("10.00"), "EUR", token);
    }

    /** The charges asked under the order's idempotency key. */
    static RequestPatternBuilder charges(String order) {
        return postRequestedFor(urlEqualTo("/charges")).withHeader(PaymentProvider.IDEMPOTENCY_KEY, equalTo(order));
    }

    /**
     * Only this class's orders are stubbed: a charge from elsewhere (the broker is shared) gets WireMock's 404, which
     * neither counts here nor opens a breaker.
     */
    static MappingBuilder ours(MappingBuilder request) {
        return request.withHeader(PaymentProvider.IDEMPOTENCY_KEY, matching(OURS + ".*"));
    }

    static String newOrder() {
        return OURS + UUID.randomUUID();
    }
}
