package dev.orderflow.shipping.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.schedule;
import static dev.orderflow.shipping.Shipments.stored;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orderflow.common.testing.InjectWireMock;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.repository.ShipmentRepository;
import dev.orderflow.shipping.testing.CarrierOnWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The saga's commands with a carrier WireMock plays: the shipment records what the carrier answered, and a cancel the
 * carrier cannot take leaves the shipment cancelled (the carrier's reports can no longer move it) while the command
 * fails, is parked unanswered, and is answered once replayed with the carrier back; a cancel of a label the carrier
 * does not hold is answered at once.
 */
@QuarkusTest
@TestProfile(CarrierOnWireMock.class)
class CarrierCommandsTest {

    static final String REPLY_TO = "shipping-carrier-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @InjectWireMock
    WireMockServer carrier;

    @Inject
    ShipmentRepository shipments;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void startClean() {
        carrier.resetAll();
        breakers.resetAll();
    }

    @Test
    void theShipmentRecordsTheCarriersAnswer() {
        String order = GatewayRetryTest.newOrder();
        bookable(order);

        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("DE"))).as(ShipmentScheduled.class);

        assertEquals("EuroExpress", scheduled.carrier());
        assertEquals("EE" + tracking(order), scheduled.trackingNumber());
        assertEquals(LocalDate.parse("2030-01-05"), scheduled.estimatedDelivery());
        assertEquals("lbl_" + order, stored(shipments, order).labelId);
        carrier.verify(1, GatewayRetryTest.labels(order));
    }

    @Test
    void aCancelTheCarrierCannotTakeIsParkedUnansweredAndAnsweredOnceReplayed() {
        String order = GatewayRetryTest.newOrder();
        bookable(order);
        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("DE"))).as(ShipmentScheduled.class);
        carrier.stubFor(post("/labels/lbl_" + order + "/cancel").willReturn(serviceUnavailable()));
        broker.sendCommandUntilParked("shipping.commands.dlq", Duration.ofSeconds(30), order + ":cancel", order, REPLY_TO,
                new CancelShipment(order));

        assertTrue(replies.received(reply -> (order + ":cancel:reply").equals(reply.messageId())).isEmpty(),
                "no reply while the label stands");
        Shipment shipment = stored(shipments, order);
        assertEquals(ShipmentStatus.CANCELLED, shipment.status, "cancelled first: no carrier report can move it on");

        carrier.resetAll();
        carrier.stubFor(post("/labels/lbl_" + order + "/cancel")
                .willReturn(okJson("{\"id\": \"lbl_" + order + "\", \"status\": \"cancelled\"}")));
        breakers.resetAll();
        ShipmentCancelled cancelled = send(order, "cancel-replayed", new CancelShipment(order)).as(ShipmentCancelled.class);

        assertEquals(new ShipmentCancelled(order, scheduled.shipmentId()), cancelled);
        carrier.verify(1, postRequestedFor(urlEqualTo("/labels/lbl_" + order + "/cancel"))
                .withHeader(CarrierLabels.IDEMPOTENCY_KEY, equalTo(order + ":cancel")));
    }

    @Test
    void aCancelOfALabelTheCarrierDoesNotHoldIsAnswered() {
        String order = GatewayRetryTest.newOrder();
        bookable(order);
        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("DE"))).as(ShipmentScheduled.class);
        carrier.stubFor(post("/labels/lbl_" + order + "/cancel").willReturn(notFound()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\", "
                        + "\"message\": \"No such label\"}}")));

        ShipmentCancelled cancelled = send(order, "cancel", new CancelShipment(order)).as(ShipmentCancelled.class);

        assertEquals(new ShipmentCancelled(order, scheduled.shipmentId()), cancelled);
        assertEquals(ShipmentStatus.CANCELLED, stored(shipments, order).status);
        carrier.verify(1, postRequestedFor(urlEqualTo("/labels/lbl_" + order + "/cancel")));
    }

    /** The carrier books the order's label: lbl_ and the order id, tracking number EE and ten characters. */
    private void bookable(String order) {
        carrier.stubFor(post("/labels").withHeader(CarrierLabels.IDEMPOTENCY_KEY, equalTo(order))
                .willReturn(okJson("{\"id\": \"lbl_" + order + "\", \"carrier\": \"EuroExpress\", \"trackingNumber\": \"EE"
                        + tracking(order) + "\", \"status\": \"created\", \"estimatedDelivery\": \"2030-01-05\"}")));
    }

    private static String tracking(String order) {
        return order.substring(order.length() - 10).toUpperCase();
    }

    private Received send(String order, String action, Object command) {
        String messageId = order + ":" + action;
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }
}
