package dev.orderflow.shipping.messaging;

import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.book;
import static dev.orderflow.shipping.Shipments.newOrder;
import static dev.orderflow.shipping.Shipments.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LaunchedService;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Shipments booked with the built service through the broker, a carrier's report through the API, and the event it
 * publishes; a label the carrier refuses.
 */
@QuarkusIntegrationTest
@TestProfile(LaunchedService.class)
class ShipmentRoundTripIT {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's; status reports a carrier's: who may do what is ShipmentAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    static final String REPLY_TO = "shipping-it-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    static final MessageProbe events = broker.probe("events", "shipment.*");

    @Test
    void aBookedShipmentIsDispatchedAndTheEventPublished() {
        String order = newOrder();
        ShipmentScheduled booked = book(broker, replies, REPLY_TO, order);
        String id = booked.shipmentId();
        given().queryParam("orderId", order).when().get("/shipments")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items.status", contains("SCHEDULED"));

        String dispatchedAt = given().header(Tokens.bearer(Tokens.carrier())).contentType(ContentType.JSON)
                .body(Map.of("status", "DISPATCHED"))
                .when().put("/shipments/" + id + "/status")
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .extract().path("timeline.dispatched");

        ShipmentDispatched event = events.await(message -> (id + ":DISPATCHED").equals(message.messageId()))
                .as(ShipmentDispatched.class);
        assertEquals(new ShipmentDispatched(order, id, booked.carrier(), booked.trackingNumber(), Instant.parse(dispatchedAt)),
                event);
    }

    @Test
    void anUnservedCountryIsRejected() {
        String order = newOrder();
        broker.sendCommand(order + ":schedule", order, REPLY_TO, schedule(order, addressIn("JP")));

        ShipmentRejected rejected = replies.await(reply -> (order + ":schedule:reply").equals(reply.messageId()))
                .as(ShipmentRejected.class);

        assertEquals(ShipmentRejected.Reason.UNSUPPORTED_DESTINATION, rejected.reason());
    }

    /**
     * The carrier's refusal is a 422 whose error body the HTTP client reads outside its methods' signatures: in the
     * native executable that takes its registration for reflection, without which the carrier's words were lost.
     */
    @Test
    void anAddressTheCarrierRefusesIsRejectedInTheCarriersWords() {
        String order = newOrder();
        Address undeliverable = new Address("Ada Lovelace", "1 nowhere street", null, "Paris", "00000", "FR");
        broker.sendCommand(order + ":schedule", order, REPLY_TO, schedule(order, undeliverable));

        ShipmentRejected rejected = replies.await(reply -> (order + ":schedule:reply").equals(reply.messageId()))
                .as(ShipmentRejected.class);

        assertEquals(ShipmentRejected.Reason.INVALID_ADDRESS, rejected.reason());
        assertTrue(rejected.detail() != null && rejected.detail().contains("does not deliver to postal code 00000"),
                String.valueOf(rejected.detail()));
    }
}
