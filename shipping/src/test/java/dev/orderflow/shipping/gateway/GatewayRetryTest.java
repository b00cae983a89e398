package dev.orderflow.shipping.gateway;

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

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.orderflow.common.testing.InjectWireMock;
import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.ShipmentRejected.Reason;
import dev.orderflow.shipping.gateway.CarrierGateway.CancelRequest;
import dev.orderflow.shipping.gateway.CarrierGateway.CancelResult;
import dev.orderflow.shipping.gateway.CarrierGateway.Cancelled;
import dev.orderflow.shipping.gateway.CarrierGateway.CarrierUnavailable;
import dev.orderflow.shipping.gateway.CarrierGateway.LabelRequest;
import dev.orderflow.shipping.gateway.CarrierGateway.LabelResult;
import dev.orderflow.shipping.gateway.CarrierGateway.Labelled;
import dev.orderflow.shipping.gateway.CarrierGateway.Refused;
import dev.orderflow.shipping.testing.CarrierOnWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The client's retries, counted request by request at the carrier: every transient failure is tried
 * {@value CarrierOnWireMock#RETRIES} times more, always under the same idempotency key; a refused address is asked
 * exactly once. Each test starts with the breakers closed and WireMock empty.
 */
@QuarkusTest
@TestProfile(CarrierOnWireMock.class)
class GatewayRetryTest {

    static final int ATTEMPTS = 1 + CarrierOnWireMock.RETRIES;
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String OURS = "order-wiremock-";
    static final Address ADDRESS = new Address("Ada Lovelace", "12 rue des Lilas", null, "Paris", "75011", "FR");
    static final String LABEL = "{\"id\": \"lbl_1\", \"carrier\": \"ColiPoste\", \"trackingNumber\": \"CP0000000001\","
            + " \"status\": \"created\", \"estimatedDelivery\": \"2030-01-03\", \"reference\": \"r\", \"extra\": 1}";

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
    void theLabelIsAskedAsTheCarrierExpectsAndItsAnswerIsTheTrackingNumber() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).willReturn(okJson(LABEL)));

        assertEquals(new Labelled("lbl_1", "CP0000000001", LocalDate.parse("2030-01-03")), label(order));

        carrier.verify(1, labels(order).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"carrier\": \"ColiPoste\", \"reference\": \"" + order + "\","
                        + " \"recipient\": {\"name\": \"Ada Lovelace\", \"line1\": \"12 rue des Lilas\", \"line2\": null,"
                        + " \"city\": \"Paris\", \"postalCode\": \"75011\", \"country\": \"FR\"}}")));
    }

    @Test
    void a503IsRetriedUnderTheSameKeyThenTheCarrierIsUnavailable() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).willReturn(serviceUnavailable()));

        assertInstanceOf(CarrierUnavailable.class, label(order));

        carrier.verify(ATTEMPTS, labels(order));
        carrier.verify(0, postRequestedFor(urlEqualTo("/labels")).withoutHeader(CarrierLabels.IDEMPOTENCY_KEY));
    }

    @Test
    void aRetryThatSucceedsIsTheLabelBookedOnce() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovering"));
        carrier.stubFor(ours(post("/labels")).inScenario("flaky").whenScenarioStateIs("recovering")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("up"));
        carrier.stubFor(ours(post("/labels")).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(LABEL)));

        assertInstanceOf(Labelled.class, label(order));

        carrier.verify(3, labels(order));
        carrier.verify(0, postRequestedFor(urlEqualTo("/labels")).withoutHeader(CarrierLabels.IDEMPOTENCY_KEY));
    }

    @Test
    void aRefusedAddressIsAskedExactlyOnce() {
        assertRefusedAtFirstAsk("address_undeliverable", Reason.INVALID_ADDRESS);
        assertRefusedAtFirstAsk("destination_not_served", Reason.UNSUPPORTED_DESTINATION);
        assertRefusedAtFirstAsk("a_code_added_later", Reason.INVALID_ADDRESS);
    }

    @Test
    void aRefusalWithoutAReadableReasonIsStillARefusal() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).willReturn(aResponse().withStatus(422).withBody("Unprocessable")));

        LabelResult result = label(order);

        assertEquals(Reason.INVALID_ADDRESS, assertInstanceOf(Refused.class, result).reason());
        carrier.verify(1, labels(order));
    }

    @Test
    void aCarrierTooSlowIsCutOffByTheTimeoutAndRetried() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).willReturn(okJson(LABEL).withFixedDelay(CarrierOnWireMock.TIMEOUT_MS * 2)));

        assertInstanceOf(CarrierUnavailable.class, label(order));

        // the carrier may log a request it is still answering a moment after the client gave up on it
        await().atMost(WAIT).untilAsserted(() -> carrier.verify(ATTEMPTS, labels(order)));
    }

    @Test
    void aConnectionThatFailsIsRetried() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertInstanceOf(CarrierUnavailable.class, label(order));

        carrier.verify(ATTEMPTS, labels(order));
    }

    @Test
    void aRequestTheCarrierRefusesIsNotRetriedAndStaysAFailure() {
        String order = newOrder();
        carrier.stubFor(ours(post("/labels")).willReturn(aResponse().withStatus(400)));

        Object outcome = gateway.createLabel(new LabelRequest(order, "ColiPoste", ADDRESS)).map(Object.class::cast)
                .onFailure().recoverWithItem(failure -> failure).await().atMost(WAIT);

        assertInstanceOf(jakarta.ws.rs.WebApplicationException.class, outcome);
        carrier.verify(1, labels(order));
    }

    @Test
    void aCancellationIsRetriedUnderTheSameKey() {
        String order = newOrder();
        carrier.stubFor(post("/labels/lbl_2/cancel").inScenario("cancel").whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("up"));
        carrier.stubFor(post("/labels/lbl_2/cancel").inScenario("cancel").whenScenarioStateIs("up")
                .willReturn(okJson("{\"id\": \"lbl_2\", \"status\": \"cancelled\"}")));

        assertEquals(new Cancelled("lbl_2"), cancel(order, "lbl_2"));

        carrier.verify(2, postRequestedFor(urlEqualTo("/labels/lbl_2/cancel"))
                .withHeader(CarrierLabels.IDEMPOTENCY_KEY, equalTo(order + ":cancel")));
    }

    @Test
    void aCancellationTheCarrierCannotTakeIsRetriedThenUnavailable() {
        String order = newOrder();
        carrier.stubFor(post("/labels/lbl_3/cancel").willReturn(aResponse().withStatus(502)));

        assertInstanceOf(CarrierUnavailable.class, cancel(order, "lbl_3"));

        carrier.verify(ATTEMPTS, postRequestedFor(urlEqualTo("/labels/lbl_3/cancel"))
                .withHeader(CarrierLabels.IDEMPOTENCY_KEY, equalTo(order + ":cancel")));
    }

    @Test
    void aCancelOfALabelTheCarrierDoesNotHoldIsDoneAfterOneAsk() {
        String order = newOrder();
        carrier.stubFor(post("/labels/lbl_4/cancel").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\", \"message\": \"No such label\"}}")));

        assertEquals(new Cancelled("lbl_4"), cancel(order, "lbl_4"));

        carrier.verify(1, postRequestedFor(urlEqualTo("/labels/lbl_4/cancel")));
    }

    @Test
    void a404WithoutTheCarriersCodeIsNoLabelGoneButARefusedRequest() {
        String order = newOrder();
        carrier.stubFor(post("/labels/lbl_5/cancel").willReturn(aResponse().withStatus(404).withBody("Not Found")));

        Object outcome = gateway.cancelLabel(new CancelRequest(order, "lbl_5")).map(Object.class::cast)
                .onFailure().recoverWithItem(failure -> failure).await().atMost(WAIT);

        assertInstanceOf(jakarta.ws.rs.WebApplicationException.class, outcome, "a wrong URL cancels nothing");
        carrier.verify(1, postRequestedFor(urlEqualTo("/labels/lbl_5/cancel")));
    }

    private void assertRefusedAtFirstAsk(String code, Reason reason) {
        String order = newOrder();
        carrier.stubFor(post("/labels").withHeader(CarrierLabels.IDEMPOTENCY_KEY, equalTo(order))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"address_error\", \"code\": \"" + code
                                + "\", \"message\": \"not there\", \"hint\": \"x\"}}")));

        assertEquals(new Refused(reason, "not there"), label(order), code);

        carrier.verify(1, labels(order));
    }

    private LabelResult label(String order) {
        return gateway.createLabel(new LabelRequest(order, "ColiPoste", ADDRESS)).await().atMost(WAIT);
    }

    private CancelResult cancel(String order, String labelId) {
        return gateway.cancelLabel(new CancelRequest(order, labelId)).await().atMost(WAIT);
    }

    /** The labels asked under the order's idempotency key. */
    static RequestPatternBuilder labels(String order) {
        return postRequestedFor(urlEqualTo("/labels")).withHeader(CarrierLabels.IDEMPOTENCY_KEY, equalTo(order));
    }

    /**
     * Only this class's orders are stubbed: a label from elsewhere (the broker is shared) gets WireMock's 404, which
     * neither counts here nor opens a breaker.
     */
    static MappingBuilder ours(MappingBuilder request) {
        return request.withHeader(CarrierLabels.IDEMPOTENCY_KEY, matching(OURS + ".*"));
    }

    static String newOrder() {
        return OURS + UUID.randomUUID();
    }
}
