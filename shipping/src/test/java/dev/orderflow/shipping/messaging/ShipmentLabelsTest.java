package dev.orderflow.shipping.messaging;

import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.count;
import static dev.orderflow.shipping.Shipments.newOrder;
import static dev.orderflow.shipping.Shipments.schedule;
import static dev.orderflow.shipping.Shipments.stored;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.security.ThirdPartyKey;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The saga's commands against the carrier the service serves itself, over HTTP: the shipment's label and tracking
 * number are the carrier's answer, booked under the order id, so a label booked before a crash is the one the shipment
 * gets; an address the carrier refuses is a rejection; a cancelled shipment's label is called off at the carrier. What
 * the carrier holds is read back by asking it again under the order's key, which answers the label as it stands.
 */
@QuarkusTest
class ShipmentLabelsTest {

    @Inject
    ThirdPartyKey carrierKey;

    static final String REPLY_TO = "shipping-labels-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @Inject
    ShipmentRepository shipments;

    @Test
    void theTrackingNumberIsTheCarriersAnswerUnderTheOrdersKey() {
        String order = newOrder();

        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentScheduled.class);

        JsonPath label = labelAtTheCarrier(order, addressIn("FR"));
        Shipment shipment = stored(shipments, order);
        assertEquals(label.getString("id"), shipment.labelId);
        assertEquals(label.getString("trackingNumber"), scheduled.trackingNumber());
        assertEquals(label.getString("estimatedDelivery"), scheduled.estimatedDelivery().toString());
        assertEquals(order, label.getString("reference"));
        assertEquals("created", label.getString("status"));
    }

    @Test
    void aLabelBookedBeforeACrashIsTheOneTheRedeliveredCommandGets() {
        String order = newOrder();
        // the first handling booked the label, then died before storing the shipment
        JsonPath booked = labelAtTheCarrier(order, addressIn("FR"));

        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentScheduled.class);

        assertEquals(booked.getString("trackingNumber"), scheduled.trackingNumber());
        assertEquals(booked.getString("id"), stored(shipments, order).labelId);
        assertEquals(1, count(shipments, order));
    }

    @Test
    void anAddressTheCarrierRefusesIsRejectedAndNothingIsBooked() {
        String order = newOrder();
        Address undeliverable = new Address("Ada Lovelace", "1 nowhere street", null, "Paris", "00000", "FR");

        ShipmentRejected rejected = send(order, "schedule", schedule(order, undeliverable)).as(ShipmentRejected.class);

        assertEquals(ShipmentRejected.Reason.INVALID_ADDRESS, rejected.reason());
        assertTrue(rejected.detail().contains("ColiPoste") && rejected.detail().contains("00000"), rejected.detail());
        Shipment shipment = stored(shipments, order);
        assertEquals(ShipmentStatus.REJECTED, shipment.status);
        assertNull(shipment.carrier);
        assertNull(shipment.labelId);
        assertNull(shipment.trackingNumber);
        assertNull(shipment.scheduledAt);
    }

    @Test
    void aCancelledShipmentsLabelIsCalledOffAtTheCarrier() {
        String order = newOrder();
        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentScheduled.class);

        send(order, "cancel", new CancelShipment(order)).as(ShipmentCancelled.class);

        JsonPath label = labelAtTheCarrier(order, addressIn("FR"));
        assertEquals("cancelled", label.getString("status"));
        assertEquals(scheduled.trackingNumber(), label.getString("trackingNumber"));
    }

    @Test
    void aLabelBookedForAnOrderWhoseShippingWasClosedIsCalledOff() {
        String order = newOrder();
        send(order, "cancel", new CancelShipment(order)).as(ShipmentCancelled.class);

        ShipmentRejected late = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentRejected.class);

        assertEquals(ShipmentRejected.Reason.SHIPMENT_CLOSED, late.reason());
        assertNull(stored(shipments, order).labelId);
        assertEquals("cancelled", labelAtTheCarrier(order, addressIn("FR")).getString("status"),
                "the label the late command booked is called off");
    }

    /** The label the carrier holds under the order's key (booking it, when there is none). */
    private JsonPath labelAtTheCarrier(String order, Address to) {
        String body = "{\"carrier\": \"ColiPoste\", \"reference\": \"" + order + "\", \"recipient\": {\"name\": \""
                + to.name() + "\", \"line1\": \"" + to.line1() + "\", \"city\": \"" + to.city() + "\", \"postalCode\": \""
                + to.postalCode() + "\", \"country\": \"" + to.country() + "\"}}";
        return given().header("Authorization", carrierKey.key().authorization()).contentType(ContentType.JSON)
                .header("Idempotency-Key", order).body(body)
                .when().post("/carrier/v1/labels").then().statusCode(200).extract().jsonPath();
    }

    private Received send(String order, String action, Object command) {
        String messageId = order + ":" + action;
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }
}
