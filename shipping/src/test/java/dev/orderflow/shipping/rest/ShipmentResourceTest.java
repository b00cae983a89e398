package dev.orderflow.shipping.rest;

import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.book;
import static dev.orderflow.shipping.Shipments.newOrder;
import static dev.orderflow.shipping.Shipments.schedule;
import static dev.orderflow.shipping.Shipments.stored;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.contracts.shipping.ShipmentInTransit;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The shipments API: carrier reports with their events, and the listings. */
@QuarkusTest
class ShipmentResourceTest {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's; status reports a carrier's: who may do what is ShipmentAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    static final String PROBLEM = "application/problem+json";
    static final String REPLY_TO = "shipping-rest-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    static final MessageProbe events = broker.probe("events", "shipment.*");

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    ShipmentRepository shipments;

    @Test
    void carrierReportsPublishDispatchedInTransitAndDelivered() {
        String order = newOrder();
        ShipmentScheduled booked = book(broker, replies, REPLY_TO, order);
        String id = booked.shipmentId();

        JsonPath dispatched = report(id, "DISPATCHED").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("timeline.dispatched", notNullValue())
                .extract().jsonPath();
        Received dispatchedEvent = events.await(event -> (id + ":DISPATCHED").equals(event.messageId()));
        JsonPath inTransit = report(id, "IN_TRANSIT").then().statusCode(200).extract().jsonPath();
        Received inTransitEvent = events.await(event -> (id + ":IN_TRANSIT").equals(event.messageId()));
        JsonPath delivered = report(id, "DELIVERED").then().statusCode(200).extract().jsonPath();
        Received deliveredEvent = events.await(event -> (id + ":DELIVERED").equals(event.messageId()));

        assertEquals("shipment.dispatched", dispatchedEvent.type());
        assertEquals(order, dispatchedEvent.correlationId());
        assertEquals(new ShipmentDispatched(order, id, "ColiPoste", booked.trackingNumber(),
                Instant.parse(dispatched.getString("timeline.dispatched"))), dispatchedEvent.as(ShipmentDispatched.class));
        assertEquals("shipment.in-transit", inTransitEvent.type());
        assertEquals(order, inTransitEvent.correlationId());
        assertEquals(new ShipmentInTransit(order, id, "ColiPoste", booked.trackingNumber(),
                Instant.parse(inTransit.getString("timeline.inTransit"))), inTransitEvent.as(ShipmentInTransit.class));
        assertEquals("shipment.delivered", deliveredEvent.type());
        assertEquals(order, deliveredEvent.correlationId());
        assertEquals(new ShipmentDelivered(order, id, "ColiPoste", booked.trackingNumber(),
                Instant.parse(delivered.getString("timeline.delivered"))), deliveredEvent.as(ShipmentDelivered.class));
        // every event confirmed, and taken out within the take-out window
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stored(shipments, order).outbox.isEmpty());
        assertEquals(3, events.received(ofShipment(id)).size());
    }

    @Test
    void aParcelMayBeDeliveredWithoutATransitReport() {
        String id = book(broker, replies, REPLY_TO, newOrder()).shipmentId();
        report(id, "DISPATCHED").then().statusCode(200);

        report(id, "DELIVERED").then().statusCode(200).body("status", equalTo("DELIVERED"))
                .body("timeline.inTransit", nullValue());

        events.await(event -> (id + ":DELIVERED").equals(event.messageId()));
    }

    @Test
    void reportingTheCurrentStatusAgainPublishesNothingNew() {
        String id = book(broker, replies, REPLY_TO, newOrder()).shipmentId();
        String first = report(id, "DISPATCHED").then().statusCode(200).extract().path("timeline.dispatched");

        report(id, "DISPATCHED").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("timeline.dispatched", equalTo(first));
        report(id, "DELIVERED").then().statusCode(200);
        // events of one shipment are published in order: once the later one is in, an extra one would be too
        events.await(event -> (id + ":DELIVERED").equals(event.messageId()));

        assertEquals(List.of(id + ":DISPATCHED", id + ":DELIVERED"),
                events.received(ofShipment(id)).stream().map(Received::messageId).toList());
    }

    @Test
    void illegalMovesAreConflictsAndChangeNothing() {
        String scheduledId = book(broker, replies, REPLY_TO, newOrder()).shipmentId();
        String inTransitId = book(broker, replies, REPLY_TO, newOrder()).shipmentId();
        report(inTransitId, "DISPATCHED").then().statusCode(200);
        report(inTransitId, "IN_TRANSIT").then().statusCode(200);
        String cancelledOrder = newOrder();
        String cancelledId = book(broker, replies, REPLY_TO, cancelledOrder).shipmentId();
        broker.sendCommand(cancelledOrder + ":cancel", cancelledOrder, REPLY_TO, new CancelShipment(cancelledOrder));
        replies.await(reply -> (cancelledOrder + ":cancel:reply").equals(reply.messageId()));
        String rejectedOrder = newOrder();
        broker.sendCommand(rejectedOrder + ":schedule", rejectedOrder, REPLY_TO, schedule(rejectedOrder, addressIn("JP")));
        replies.await(reply -> (rejectedOrder + ":schedule:reply").equals(reply.messageId()));
        String rejectedId = stored(shipments, rejectedOrder).id;

        assertConflict(scheduledId, "DELIVERED", "SCHEDULED");
        assertConflict(scheduledId, "IN_TRANSIT", "SCHEDULED");
        assertConflict(inTransitId, "DISPATCHED", "IN_TRANSIT");
        assertConflict(cancelledId, "DISPATCHED", "CANCELLED");
        assertConflict(rejectedId, "DISPATCHED", "REJECTED");

        // a legal move's event comes after any the refused moves could have published
        report(scheduledId, "DISPATCHED").then().statusCode(200);
        events.await(event -> (scheduledId + ":DISPATCHED").equals(event.messageId()));
        assertEquals(1, events.received(ofShipment(scheduledId)).size());
        assertEquals(2, events.received(ofShipment(inTransitId)).size());
        assertTrue(events.received(ofShipment(cancelledId)).isEmpty());
        assertTrue(events.received(ofShipment(rejectedId)).isEmpty());
    }

    @Test
    void badReportsAreRefusedNamingTheField() {
        String id = book(broker, replies, REPLY_TO, newOrder()).shipmentId();

        assertRefused(id, Map.of(), "status");
        assertRefused(id, Map.of("status", "LOST"), "status");
        assertRefused(id, Map.of("status", "CANCELLED"), "status");
        assertRefused(id, Map.of("status", "SCHEDULED"), "status");
        given().header(Tokens.bearer(Tokens.carrier())).contentType(ContentType.JSON).body("{\"status\": ")
                .when().put("/shipments/" + id + "/status")
                .then().statusCode(400).contentType(PROBLEM);
        given().header(Tokens.bearer(Tokens.carrier())).contentType(ContentType.JSON)
                .when().put("/shipments/" + id + "/status")
                .then().statusCode(400).contentType(PROBLEM);

        given().when().get("/shipments/" + id).then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void unknownShipmentsAreNotFound() {
        given().when().get("/shipments/shp-nothing-like-this")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        report("shp-nothing-like-this", "DISPATCHED")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aShipmentIsFoundByIdAndByOrder() {
        String order = newOrder();
        ShipmentScheduled booked = book(broker, replies, REPLY_TO, order);

        given().when().get("/shipments/" + booked.shipmentId())
                .then().statusCode(200)
                .body("orderId", equalTo(order))
                .body("customerId", equalTo("customer-" + order))
                .body("status", equalTo("SCHEDULED"))
                .body("carrier", equalTo("ColiPoste"))
                .body("trackingNumber", equalTo(booked.trackingNumber()))
                .body("cost", equalTo(6.4f))
                .body("currency", equalTo("EUR"))
                .body("estimatedDelivery", equalTo(booked.estimatedDelivery().toString()))
                .body("address.country", equalTo("FR"))
                .body("lines.sku", contains("sku-A", "sku-B"))
                .body("timeline.scheduled", notNullValue())
                .body("$", not(hasKey(Outbox.FIELD)));
        given().queryParam("orderId", order)
                .when().get("/shipments")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(booked.shipmentId()));
    }

    @Test
    void listingPagesNewestFirstWithTheTotalAndFilters() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = book(broker, replies, REPLY_TO, newOrder()).shipmentId();
            report(id, "DISPATCHED").then().statusCode(200);
            report(id, "IN_TRANSIT").then().statusCode(200);
            mine.add(id);
        }

        JsonPath all = given().queryParam("status", "IN_TRANSIT").queryParam("size", 100)
                .when().get("/shipments")
                .then().statusCode(200)
                .body("items.status", everyItem(equalTo("IN_TRANSIT")))
                .extract().jsonPath();
        List<String> ids = all.getList("items.id");
        List<Instant> created = all.getList("items.timeline.created", String.class).stream().map(Instant::parse).toList();

        assertEquals(ids.size(), all.getInt("total"));
        assertTrue(ids.containsAll(mine), "every shipment in transit is listed");
        assertEquals(created.stream().sorted(Comparator.reverseOrder()).toList(), created, "newest first");
        given().queryParam("status", "IN_TRANSIT").queryParam("size", 2).queryParam("page", 1)
                .when().get("/shipments")
                .then().statusCode(200)
                .body("total", equalTo(ids.size()))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("items.id", equalTo(ids.subList(2, Math.min(4, ids.size()))));
        given().queryParam("status", "IN_TRANSIT").queryParam("orderId", "no-such-order")
                .when().get("/shipments")
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("items", empty());
    }

    @Test
    void listingParametersAreChecked() {
        given().queryParam("size", 0).when().get("/shipments").then().statusCode(400).body("errors.field", contains("size"));
        given().queryParam("size", 101).when().get("/shipments").then().statusCode(400).body("errors.field", contains("size"));
        given().queryParam("page", -1).when().get("/shipments").then().statusCode(400).body("errors.field", contains("page"));
        given().queryParam("status", "LOST").when().get("/shipments")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("status"));
    }

    private static Response report(String id, String status) {
        return given().header(Tokens.bearer(Tokens.carrier())).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().put("/shipments/" + id + "/status");
    }

    private static void assertConflict(String id, String to, String stays) {
        report(id, to).then().statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
        given().when().get("/shipments/" + id).then().statusCode(200).body("status", equalTo(stays));
    }

    private static void assertRefused(String id, Map<String, Object> body, String field) {
        given().header(Tokens.bearer(Tokens.carrier())).contentType(ContentType.JSON).body(body)
                .when().put("/shipments/" + id + "/status")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }

    private static Predicate<Received> ofShipment(String id) {
        return event -> event.messageId().startsWith(id + ":");
    }
}
