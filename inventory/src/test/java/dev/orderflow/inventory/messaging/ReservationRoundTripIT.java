package dev.orderflow.inventory.messaging;

import static dev.orderflow.inventory.Stock.newProduct;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.inventory.LaunchedInventory;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The saga's commands to the built service, through the broker, with their replies and events; the state they leave,
 * read through the API.
 */
@QuarkusIntegrationTest
@TestProfile(LaunchedInventory.class)
class ReservationRoundTripIT {

    static final String REPLY_TO = "inventory-it-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    static final MessageProbe events = broker.probe("events", "inventory.*");

    @Test
    void aReservationIsHeldThenSoldAndLowStockIsAnnounced() {
        String sku = newProduct("desk", 6, 5);
        String order = "order-" + UUID.randomUUID();

        StockReserved reserved = send(order, "reserve", new ReserveStock(order, List.of(new StockLine(sku, 2))))
                .as(StockReserved.class);

        assertEquals(0, new BigDecimal("10.00").compareTo(reserved.lines().get(0).unitPrice()));
        given().header(Tokens.bearer(Tokens.operator())).when().get("/reservations/" + order)
                .then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("lines.sku", contains(sku));
        assertEquals(new LowStock(sku, "desk", 4, 5), events.await(
                event -> "inventory.low-stock".equals(event.type()) && event.messageId().startsWith(sku + ":"))
                .as(LowStock.class));

        assertEquals(new StockCommitted(order), send(order, "commit", new CommitStock(order)).as(StockCommitted.class));
        given().header(Tokens.bearer(Tokens.operator())).when().get("/products/" + sku)
                .then().statusCode(200)
                .body("stock.available", equalTo(4))
                .body("stock.reserved", equalTo(0))
                .body("stock.sold", equalTo(2));
    }

    @Test
    void anUnknownProductIsRejected() {
        String order = "order-" + UUID.randomUUID();

        StockRejected rejected = send(order, "reserve", new ReserveStock(order, List.of(new StockLine("no-such-sku", 1))))
                .as(StockRejected.class);

        assertEquals(StockRejected.Reason.UNKNOWN_PRODUCT, rejected.reason());
        assertEquals("no-such-sku", rejected.problems().get(0).sku());
    }

    private static Received send(String order, String action, Object command) {
        String messageId = order + ":" + action;
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }
}
