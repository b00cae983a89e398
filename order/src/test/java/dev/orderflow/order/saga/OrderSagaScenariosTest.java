package dev.orderflow.order.saga;

import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.order;
import static dev.orderflow.order.testing.Orders.place;
import static dev.orderflow.order.testing.Orders.shippedTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The saga as a business sees it: orders placed through the API, run over the real broker against stand-in
 * participants, each scenario ending in the order's final state and the exact commands the participants received.
 */
@QuarkusTest
class OrderSagaScenariosTest {

    static final String RESERVE = "inventory.reserve";
    static final String RELEASE = "inventory.release";
    static final String COMMIT = "inventory.commit";
    static final String CHARGE = "payment.charge";
    static final String REFUND = "payment.refund";
    static final String SCHEDULE = "shipping.schedule";
    static final String CANCEL_SHIPMENT = "shipping.cancel";

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();
    static final MessageProbe events = participants.broker().probe("events", "order.*");

    @Test
    void theHappyPathConfirmsTheOrderAtCataloguePrices() {
        String id = place(order("tok_visa", "laptop", "mouse"));

        JsonPath order = awaitStatus(id, "CONFIRMED");

        assertEquals(List.of(RESERVE, CHARGE, SCHEDULE, COMMIT), participants.commandsOf(id));
        assertEquals(40.0f, order.getFloat("total"), "4 units at 10.00");
        assertEquals("EUR", order.getString("currency"));
        assertEquals("ColiPoste", order.getString("shipment.carrier"));
        assertEquals(List.of("reserve-stock", "charge-payment", "schedule-shipping", "commit-stock"),
                order.getList("history.findAll { it.outcome == 'succeeded' }.step"));
        OrderConfirmed confirmed = events.await(event -> (id + ":order.confirmed").equals(event.messageId()))
                .as(OrderConfirmed.class);
        assertEquals("ada@example.com", confirmed.customerEmail());
        events.await(event -> (id + ":order.created").equals(event.messageId()));
    }

    @Test
    void everyCommandExpiresFromItsQueueByItsStepDeadline() {
        String id = place(order("tok_visa", "laptop"));

        awaitStatus(id, "CONFIRMED");

        List<MessageProbe.Received> commands = participants.commandsReceivedBy(id);
        assertEquals(4, commands.size());
        for (MessageProbe.Received command : commands) {
            long expiresIn = Long.parseLong(command.properties().getExpiration());
            // the tests' step deadlines are 1 s (application.properties): the command is dropped from its queue then
            assertTrue(expiresIn > 0 && expiresIn <= 1_000, command.type() + " expires in " + expiresIn + " ms");
        }
    }

    @Test
    void outOfStockCancelsWithNothingToUndo() {
        String id = place(order("tok_visa", "out-of-stock-item", "mouse"));

        assertCancelled(id, "OUT_OF_STOCK");
        assertEquals(List.of(RESERVE), participants.commandsOf(id));
        OrderCancelled cancelled = events.await(event -> (id + ":order.cancelled").equals(event.messageId()))
                .as(OrderCancelled.class);
        assertEquals(CancellationReason.OUT_OF_STOCK, cancelled.reason());
    }

    @Test
    void anUnknownProductCancelsWithNothingToUndo() {
        String id = place(order("tok_visa", "unknown-thing"));

        assertCancelled(id, "UNKNOWN_PRODUCT");
        assertEquals(List.of(RESERVE), participants.commandsOf(id));
    }

    @Test
    void aDeclinedPaymentReleasesTheStock() {
        String id = place(order("tok_decline", "laptop"));

        assertCancelled(id, "CARD_DECLINED");
        assertEquals(List.of(RESERVE, CHARGE, RELEASE), participants.commandsOf(id));
    }

    @Test
    void aRejectedShipmentRefundsThenReleases() {
        String id = place(shippedTo(order("tok_visa", "laptop"), "ZZ"));

        assertCancelled(id, "UNSUPPORTED_DESTINATION");
        assertEquals(List.of(RESERVE, CHARGE, SCHEDULE, REFUND, RELEASE), participants.commandsOf(id));
    }

    @Test
    void aRefusedCommitUndoesEveryStepLastFirst() {
        String id = place(order("tok_visa", "expiring-item"));

        assertCancelled(id, "STOCK_EXPIRED");
        assertEquals(List.of(RESERVE, CHARGE, SCHEDULE, COMMIT, CANCEL_SHIPMENT, REFUND, RELEASE), participants.commandsOf(id));
    }

    @Test
    void aParticipantThatNeverAnswersIsAskedAgainThenTheOrderTimesOut() {
        String id = place(order("tok_visa", "silent-item"));

        assertCancelled(id, "TIMEOUT");
        assertEquals(List.of(RESERVE, RESERVE, RESERVE, RELEASE), participants.commandsOf(id));
        assertEquals(Collections.nCopies(3, id + ":reserve-stock:do"), participants.commandIdsOf(id).subList(0, 3),
                "sent again under the same id");
    }

    @Test
    void duplicatedRepliesChangeNothing() {
        String id = place(order("tok_visa", "twice-item"));

        awaitStatus(id, "CONFIRMED");

        assertEquals(List.of(RESERVE, CHARGE, SCHEDULE, COMMIT), participants.commandsOf(id), "each step asked once");
    }

    @Test
    void aLateReplyAfterTheTimeoutChangesNothing() {
        String id = place(order("tok_visa", "late-item"));
        assertCancelled(id, "TIMEOUT");

        participants.answerLateReservations();

        // the late reply is consumed and ignored: the next event of this order is still the only cancellation
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> "CANCELLED".equals(Orders.get(id).getString("status")));
        assertEquals(List.of(RESERVE, RESERVE, RESERVE, RELEASE), participants.commandsOf(id),
                "no payment after a late reservation");
    }

    @Test
    void aCancelBeforeShippingUndoesEverything() {
        String id = place(shippedTo(order("tok_visa", "laptop"), "XX"));
        await().atMost(Orders.SETTLING).until(() -> participants.commandsOf(id).contains(SCHEDULE));

        given().when().post("/orders/" + id + "/cancel").then().statusCode(202);

        assertCancelled(id, "CUSTOMER_CANCELLED");
        assertEquals(List.of(RESERVE, CHARGE, SCHEDULE, CANCEL_SHIPMENT, REFUND, RELEASE), participants.commandsOf(id));
        given().when().post("/orders/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aConfirmedOrderCanBeCancelledUntilItShips() {
        String id = place(order("tok_visa", "laptop"));
        awaitStatus(id, "CONFIRMED");

        given().when().post("/orders/" + id + "/cancel").then().statusCode(202);

        assertCancelled(id, "CUSTOMER_CANCELLED");
        assertEquals(List.of(RESERVE, CHARGE, SCHEDULE, COMMIT, CANCEL_SHIPMENT, REFUND, RELEASE), participants.commandsOf(id));
    }

    @Test
    void theCarrierMovesTheOrderToShippedThenDeliveredAndAShippedOrderCannotBeCancelled() {
        String id = place(order("tok_visa", "laptop"));
        awaitStatus(id, "CONFIRMED");

        shipmentEvent(id, "shipment.dispatched",
                new ShipmentDispatched(id, "shp-" + id, "ColiPoste", "CP0123456789", Instant.now()));
        awaitStatus(id, "SHIPPED");
        given().when().post("/orders/" + id + "/cancel").then().statusCode(409).contentType("application/problem+json");
        shipmentEvent(id, "shipment.dispatched",
                new ShipmentDispatched(id, "shp-" + id, "ColiPoste", "CP0123456789", Instant.now()));
        shipmentEvent(id, "shipment.delivered",
                new ShipmentDelivered(id, "shp-" + id, "ColiPoste", "CP0123456789", Instant.now()));

        JsonPath delivered = awaitStatus(id, "DELIVERED");
        assertEquals(1, delivered.getList("history.findAll { it.status == 'SHIPPED' && it.step == null }").size(),
                "a repeated event is applied once");
        events.await(event -> (id + ":order.shipped").equals(event.messageId()));
        events.await(event -> (id + ":order.delivered").equals(event.messageId()));
        assertTrue(participants.commandsOf(id).stream().noneMatch(CANCEL_SHIPMENT::equals));
    }

    private static void shipmentEvent(String orderId, String type, Object event) {
        participants.broker().send("events", type, "shp-" + orderId + ":" + type, orderId, null, event);
    }

    private static void assertCancelled(String id, String reason) {
        JsonPath order = awaitStatus(id, "CANCELLED");
        assertEquals(reason, order.getString("cancellationReason"));
        assertEquals("cancelled", order.getString("history[-1].outcome"));
        assertEquals(reason, order.getString("history[-1].reason"));
    }

}
