package dev.orderflow.shipping.messaging;

import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.count;
import static dev.orderflow.shipping.Shipments.newOrder;
import static dev.orderflow.shipping.Shipments.schedule;
import static dev.orderflow.shipping.Shipments.stored;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentLine;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.contracts.shipping.TooLateToCancel;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.Shipments;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The saga's commands, sent through the real broker as the order service sends them, with their replies. */
@QuarkusTest
class ShipmentCommandsTest {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's; status reports a carrier's: who may do what is ShipmentAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    static final String REPLY_TO = "shipping-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @Inject
    ShipmentRepository shipments;

    @Inject
    MeterRegistry metrics;

    @Test
    void scheduleBooksTheDomesticCarrierAndStoresTheShipment() {
        String order = newOrder();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentScheduled.class);

        assertEquals(order, scheduled.orderId());
        assertEquals("ColiPoste", scheduled.carrier());
        assertTrue(scheduled.trackingNumber().matches("CP[0-9A-Z]{10}"), scheduled.trackingNumber());
        assertEquals(new BigDecimal("6.40"), scheduled.cost(), "4.90 + 3 items x 0.50");
        assertEquals("EUR", scheduled.currency());
        assertTrue(List.of(today.plusDays(2), today.plusDays(3)).contains(scheduled.estimatedDelivery()),
                "two days from today: " + scheduled.estimatedDelivery());
        Shipment shipment = stored(shipments, order);
        assertEquals(scheduled.shipmentId(), shipment.id);
        assertEquals(ShipmentStatus.SCHEDULED, shipment.status);
        assertEquals("customer-" + order, shipment.customerId);
        assertEquals(addressIn("FR"), shipment.address.toAddress());
        assertEquals(List.of(new ShipmentLine("sku-A", 2), new ShipmentLine("sku-B", 1)),
                shipment.lines.stream().map(Shipment.Line::toShipmentLine).toList());
        assertEquals(new BigDecimal("6.40"), shipment.cost);
        assertEquals(scheduled.trackingNumber(), shipment.trackingNumber);
        assertEquals(scheduled.estimatedDelivery(), shipment.estimatedDelivery);
        assertNotNull(shipment.scheduledAt);
    }

    @Test
    void theCarrierDependsOnTheDestination() {
        String toGermany = newOrder();
        String toTheUs = newOrder();

        ShipmentScheduled european = send(toGermany, "schedule", schedule(toGermany, addressIn("DE")))
                .as(ShipmentScheduled.class);
        ShipmentScheduled international = send(toTheUs, "schedule", schedule(toTheUs, addressIn("US")))
                .as(ShipmentScheduled.class);

        assertEquals("EuroExpress", european.carrier());
        assertTrue(european.trackingNumber().startsWith("EE"));
        assertEquals("WorldParcel", international.carrier());
        assertTrue(international.trackingNumber().startsWith("WP"));
    }

    @Test
    void goodsWorthTheThresholdOrMoreShipForFree() {
        String free = newOrder();
        String foreignCurrency = newOrder();

        ShipmentScheduled freeShipping = send(free, "schedule",
                schedule(free, addressIn("FR"), new BigDecimal("100.00"), "EUR")).as(ShipmentScheduled.class);
        ShipmentScheduled paid = send(foreignCurrency, "schedule",
                schedule(foreignCurrency, addressIn("FR"), new BigDecimal("500.00"), "USD")).as(ShipmentScheduled.class);

        assertEquals(new BigDecimal("0.00"), freeShipping.cost());
        assertEquals(new BigDecimal("0.00"), stored(shipments, free).cost);
        assertEquals(new BigDecimal("6.40"), paid.cost());
        assertEquals("EUR", paid.currency());
    }

    @Test
    void anUnservedCountryIsRejectedAndRecorded() {
        String order = newOrder();

        ShipmentRejected rejected = send(order, "schedule", schedule(order, addressIn("JP"))).as(ShipmentRejected.class);

        assertEquals(ShipmentRejected.Reason.UNSUPPORTED_DESTINATION, rejected.reason());
        assertTrue(rejected.detail().contains("JP"), rejected.detail());
        Shipment shipment = stored(shipments, order);
        assertEquals(ShipmentStatus.REJECTED, shipment.status);
        assertEquals(ShipmentRejected.Reason.UNSUPPORTED_DESTINATION, shipment.rejectionReason);
        assertNull(shipment.carrier);
        assertNull(shipment.scheduledAt);
    }

    @Test
    void anInvalidAddressIsRejectedNamingTheField() {
        String order = newOrder();
        Address noPostalCode = new Address("Ada Lovelace", "12 rue des Lilas", null, "Paris", " ", "FR");

        ShipmentRejected rejected = send(order, "schedule", schedule(order, noPostalCode)).as(ShipmentRejected.class);

        assertEquals(ShipmentRejected.Reason.INVALID_ADDRESS, rejected.reason());
        assertEquals("address.postalCode is required", rejected.detail());
        assertEquals(ShipmentStatus.REJECTED, stored(shipments, order).status);
    }

    @Test
    void theSameScheduleCommandTwiceHasOneShipmentAndTwoIdenticalReplies() {
        String order = newOrder();
        ScheduleShipment command = schedule(order, addressIn("FR"));

        broker.sendCommand(order + ":schedule", order, REPLY_TO, command);
        broker.sendCommand(order + ":schedule", order, REPLY_TO, command);
        List<Received> answers = replies.await(correlatedTo(order), 2);

        assertEquals(order + ":schedule:reply", answers.get(0).messageId());
        assertEquals(answers.get(0).messageId(), answers.get(1).messageId());
        assertArrayEquals(answers.get(0).body(), answers.get(1).body());
        assertEquals(1, count(shipments, order));
    }

    @Test
    void eachShipmentIsCountedOnceHoweverOftenItsCommandArrives() {
        double scheduled = Meters.count(metrics, "shipping.shipments", "outcome", "scheduled");
        double rejected = Meters.count(metrics, "shipping.shipments", "outcome", "rejected");
        String booked = newOrder();
        String refused = newOrder();

        for (int copy = 0; copy < 2; copy++) {
            broker.sendCommand(booked + ":schedule", booked, REPLY_TO, schedule(booked, addressIn("FR")));
            broker.sendCommand(refused + ":schedule", refused, REPLY_TO, schedule(refused, addressIn("ZZ")));
        }
        replies.await(correlatedTo(booked), 2);
        replies.await(correlatedTo(refused), 2);

        assertEquals(scheduled + 1, Meters.count(metrics, "shipping.shipments", "outcome", "scheduled"));
        assertEquals(rejected + 1, Meters.count(metrics, "shipping.shipments", "outcome", "rejected"));
        assertThat(Meters.scrape(),
                containsString("shipping_shipments_total{application=\"shipping\",outcome=\"rejected\"}"));
    }

    @Test
    void copiesOfAScheduleCommandHandledAtOnceBookOneShipment() {
        String order = newOrder();
        ScheduleShipment command = schedule(order, addressIn("FR"));

        for (int i = 0; i < 6; i++) {
            broker.sendCommand(order + ":schedule", order, REPLY_TO, command);
        }
        List<Received> answers = replies.await(correlatedTo(order), 6);

        assertEquals(1, answers.stream().map(answer -> new String(answer.body())).distinct().count(), "identical replies");
        assertEquals(1, count(shipments, order));
    }

    @Test
    void cancelBeforeDispatchCancelsTheShipment() {
        String order = newOrder();
        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentScheduled.class);

        ShipmentCancelled cancelled = send(order, "cancel", new CancelShipment(order)).as(ShipmentCancelled.class);
        ShipmentCancelled again = send(order, "cancel-again", new CancelShipment(order)).as(ShipmentCancelled.class);
        ShipmentScheduled scheduleRepeated = send(order, "schedule-again", schedule(order, addressIn("FR")))
                .as(ShipmentScheduled.class);

        assertEquals(new ShipmentCancelled(order, scheduled.shipmentId()), cancelled);
        assertEquals(cancelled, again);
        assertEquals(scheduled, scheduleRepeated, "a repeated schedule gets the first reply");
        Shipment shipment = stored(shipments, order);
        assertEquals(ShipmentStatus.CANCELLED, shipment.status);
        assertNotNull(shipment.cancelledAt);
    }

    @Test
    void cancelOfAnUnknownOrderClosesItsShippingAndALateScheduleIsRefused() {
        String order = newOrder();

        ShipmentCancelled nothing = send(order, "cancel", new CancelShipment(order)).as(ShipmentCancelled.class);
        ShipmentRejected late = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentRejected.class);

        assertEquals(new ShipmentCancelled(order, null), nothing);
        assertEquals(ShipmentRejected.Reason.SHIPMENT_CLOSED, late.reason());
        Shipment tombstone = stored(shipments, order);
        assertEquals(ShipmentStatus.CANCELLED, tombstone.status);
        assertNull(tombstone.scheduledAt, "nothing was scheduled");
        assertNull(tombstone.carrier);
        assertEquals(1, count(shipments, order));
    }

    @Test
    void cancelAfterDispatchIsTooLate() {
        String order = newOrder();
        ShipmentScheduled scheduled = send(order, "schedule", schedule(order, addressIn("FR"))).as(ShipmentScheduled.class);
        given().header(Tokens.bearer(Tokens.carrier())).contentType(ContentType.JSON).body(Map.of("status", "DISPATCHED"))
                .when().put("/shipments/" + scheduled.shipmentId() + "/status")
                .then().statusCode(200);

        TooLateToCancel tooLate = send(order, "cancel", new CancelShipment(order)).as(TooLateToCancel.class);

        assertEquals(new TooLateToCancel(order, scheduled.shipmentId(), "DISPATCHED"), tooLate);
        assertEquals(ShipmentStatus.DISPATCHED, stored(shipments, order).status);
    }

    @Test
    void anInvalidCommandIsParkedWithoutAReply() {
        String order = newOrder();
        double parkedBefore = Meters.count(metrics, "messages.parked", "queue", "shipping.commands", "reason", "unreadable");

        broker.sendCommandUntilParked("shipping.commands.dlq", Duration.ofSeconds(20), order + ":schedule", order, REPLY_TO,
                new ScheduleShipment(order, "customer", addressIn("FR"),
                        List.of(), BigDecimal.TEN, "EUR"));

        assertTrue(replies.received(correlatedTo(order)).isEmpty(), "no reply to an invalid command");
        assertNull(Shipments.stored(shipments, order), "nothing stored");
        await().atMost(Duration.ofSeconds(5)).until(() -> Meters.count(metrics, "messages.parked", "queue",
                "shipping.commands", "reason", "unreadable") == parkedBefore + 1);
    }

    private Received send(String order, String action, Object command) {
        String messageId = order + ":" + action;
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }
}
