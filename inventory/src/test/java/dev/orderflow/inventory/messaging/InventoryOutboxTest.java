package dev.orderflow.inventory.messaging;

import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static dev.orderflow.inventory.Stock.newProduct;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.OutboxSweeper;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.inventory.ReservationExpired;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.Stock;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An event whose worker crashed before the broker confirmed it stays in its document's outbox, and the outbox sweep
 * publishes it, built from the document, under the id the worker would have used.
 */
@QuarkusTest
class InventoryOutboxTest {

    static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Older than {@code orderflow.outbox.republish-after}: the sweep takes it. */
    static final Duration LONG_AGO = Duration.ofMinutes(1);

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe events = broker.probe("events", "inventory.*");

    @Inject
    ProductRepository products;

    @Inject
    ReservationRepository reservations;

    @Inject
    OutboxSweeper sweeper;

    @Test
    void aLowStockAlertLeftInTheOutboxIsPublishedByTheSweepAndDoesNotHoldBackTheNextCrossing() {
        String sku = newProduct("stranded", 10, 5);
        // the first alert was raised by a worker that crashed before publishing it (fresh: the scheduled sweep waits)
        products.mongoCollection().updateOne(Filters.eq("_id", sku), Updates.combine(Updates.set("lowStock", true),
                Updates.inc("lowStockAlerts", 1), Outbox.add(ProductOutbox.lowStock(sku, 1, Instant.now()))))
                .await().atMost(DEADLINE);

        changeStock(sku, 1);
        assertFalse(Stock.product(products, sku).lowStock, "re-armed as soon as stock is back");
        assertEquals(1, Stock.product(products, sku).outbox.size(), "while its alert is still in the outbox");

        backdate(sku + ":low-stock:1");
        sweeper.sweep().await().atMost(DEADLINE);
        Received alert = events.await(withId(sku + ":low-stock:1"));

        assertEquals("inventory.low-stock", alert.type());
        assertEquals("inventory.low-stock", alert.routingKey());
        assertNull(alert.correlationId());
        assertEquals(new LowStock(sku, "stranded", 11, 5), alert.as(LowStock.class));
        Awaitility.await().atMost(DEADLINE).until(() -> Stock.product(products, sku).outbox.isEmpty()); // taken out once confirmed

        changeStock(sku, -8);
        Received next = events.await(withId(sku + ":low-stock:2"));
        assertEquals(new LowStock(sku, "stranded", 3, 5), next.as(LowStock.class));
        assertEquals(2, Stock.product(products, sku).lowStockAlerts);
        // published by the worker that raised it, and taken out once confirmed
        Awaitility.await().atMost(DEADLINE).until(() -> Stock.product(products, sku).outbox.isEmpty());
    }

    @Test
    void aReservationExpiredEventLeftInTheOutboxIsPublishedByTheSweep() {
        String order = "order-" + UUID.randomUUID();
        Instant closed = Instant.now().minus(LONG_AGO);
        Reservation expired = new Reservation();
        expired.orderId = order;
        expired.status = ReservationStatus.EXPIRED;
        expired.lines = List.of(new Reservation.Line("sku-" + order, 3));
        expired.createdAt = closed;
        expired.closedAt = closed;
        reservations.persist(expired).await().atMost(DEADLINE);
        // stored with the EXPIRED status by a worker that crashed before publishing it
        reservations.mongoCollection()
                .updateOne(Filters.eq("_id", order), Outbox.add(ReservationOutbox.expired(order, closed)))
                .await().atMost(DEADLINE);

        sweeper.sweep().await().atMost(DEADLINE);
        Received event = events.await(correlatedTo(order));

        assertEquals(order + ":reservation-expired", event.messageId());
        assertEquals("inventory.reservation-expired", event.type());
        assertEquals("inventory.reservation-expired", event.routingKey());
        assertEquals(new ReservationExpired(order, List.of(new StockLine("sku-" + order, 3))),
                event.as(ReservationExpired.class));
        Awaitility.await().atMost(DEADLINE).until(() -> Stock.reservation(reservations, order).outbox.isEmpty());
    }

    /** Makes a pending message look as old as one the sweep publishes. */
    private void backdate(String messageId) {
        products.mongoCollection()
                .updateOne(Filters.eq(Outbox.FIELD + ".id", messageId),
                        Updates.set(Outbox.FIELD + ".$.since", Instant.now().minus(LONG_AGO)))
                .await().atMost(DEADLINE);
    }

    private static void changeStock(String sku, long change) {
        given().header(Tokens.bearer(Tokens.operator())).contentType(ContentType.JSON)
                .body(Map.of("change", change, "reason", "count"))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(200);
    }

    private static Predicate<Received> withId(String messageId) {
        return message -> messageId.equals(message.messageId());
    }
}
