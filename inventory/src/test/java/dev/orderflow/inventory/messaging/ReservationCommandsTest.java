package dev.orderflow.inventory.messaging;

import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static dev.orderflow.inventory.Stock.assertConserved;
import static dev.orderflow.inventory.Stock.newProduct;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.inventory.ReleaseStock;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.ReservationStep;
import dev.orderflow.inventory.Stock;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** The saga's commands, sent through the real broker as the order service sends them, with their replies. */
@QuarkusTest
class ReservationCommandsTest {

    static final String REPLY_TO = "inventory-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    static final MessageProbe events = broker.probe("events", "inventory.*");

    @Inject
    ProductRepository products;

    @Inject
    ReservationRepository reservations;

    @Inject
    MeterRegistry metrics;

    @Test
    void reserveHoldsEveryLineAtCataloguePrices() {
        String laptop = newProduct("laptop", 10, 0);
        String mouse = newProduct("mouse", 10, 0);
        String order = newOrder();

        StockReserved reserved = send(order, "reserve",
                new ReserveStock(order, List.of(new StockLine(laptop, 2), new StockLine(mouse, 1))))
                .as(StockReserved.class);

        assertEquals(2, reserved.lines().size());
        assertEquals(0, new BigDecimal("10.00").compareTo(reserved.lines().get(0).unitPrice()));
        assertEquals("EUR", reserved.lines().get(0).currency());
        assertStock(laptop, 8, 2, 0);
        assertStock(mouse, 9, 1, 0);
        given().header(Tokens.bearer(Tokens.operator())).when().get("/reservations/" + order)
                .then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("lines.sku", contains(laptop, mouse))
                .body("lines.unitPrice", contains(10.0f, 10.0f))
                .body("expiresAt", notNullValue());
    }

    @Test
    void theSameCommandTwiceHasOneEffectAndTwoIdenticalReplies() {
        String sku = newProduct("twice", 10, 0);
        String order = newOrder();
        ReserveStock command = new ReserveStock(order, List.of(new StockLine(sku, 3)));

        broker.sendCommand(order + ":reserve", order, REPLY_TO, command);
        broker.sendCommand(order + ":reserve", order, REPLY_TO, command);
        List<Received> answers = replies.await(correlatedTo(order), 2);

        assertEquals(answers.get(0).messageId(), answers.get(1).messageId());
        assertEquals(order + ":reserve:reply", answers.get(0).messageId());
        assertArrayEquals(answers.get(0).body(), answers.get(1).body());
        assertStock(sku, 7, 3, 0);
    }

    @Test
    void eachReservationIsCountedOnceHoweverOftenItsCommandArrives() {
        String sku = newProduct("counted", 3, 0);
        String held = newOrder();
        String refused = newOrder();
        double reservedBefore = Meters.count(metrics, "inventory.reservations", "outcome", "reserved");
        double rejectedBefore = Meters.count(metrics, "inventory.reservations", "outcome", "rejected");

        for (int copy = 0; copy < 2; copy++) {
            broker.sendCommand(held + ":reserve", held, REPLY_TO, new ReserveStock(held, List.of(new StockLine(sku, 2))));
        }
        replies.await(correlatedTo(held), 2);
        for (int copy = 0; copy < 2; copy++) {
            broker.sendCommand(refused + ":reserve", refused, REPLY_TO,
                    new ReserveStock(refused, List.of(new StockLine(sku, 2))));
        }
        replies.await(correlatedTo(refused), 2);

        assertEquals(reservedBefore + 1, Meters.count(metrics, "inventory.reservations", "outcome", "reserved"));
        assertEquals(rejectedBefore + 1, Meters.count(metrics, "inventory.reservations", "outcome", "rejected"));
        assertThat(Meters.scrape(),
                containsString("inventory_reservations_total{application=\"inventory\",outcome=\"reserved\"}"));
    }

    @Test
    void releaseAfterReserveRestoresTheStock() {
        String sku = newProduct("released", 10, 0);
        String order = orderHolding(sku, 4);

        StockReleased released = send(order, "release", new ReleaseStock(order)).as(StockReleased.class);

        assertEquals(StockReleased.Outcome.RELEASED, released.outcome());
        assertStock(sku, 10, 0, 0);
        assertEquals(ReservationStatus.RELEASED, Stock.reservation(reservations, order).status);
    }

    @Test
    void commitMovesReservedToSold() {
        String sku = newProduct("committed", 10, 0);
        String order = orderHolding(sku, 4);

        Received committed = send(order, "commit", new CommitStock(order));

        assertEquals(new StockCommitted(order), committed.as(StockCommitted.class));
        assertStock(sku, 6, 0, 4);
        assertSettled(order, ReservationStatus.COMMITTED);
    }

    @Test
    void aStepLeftHalfDoneByAWorkerThatDiedIsFinishedBeforeTheNextCommand() {
        String sku = newProduct("half-done", 10, 0);
        String order = orderHolding(sku, 4);
        // a worker began the commit, then died before moving any stock: its step is recorded, its lease ran out
        leftHalfDoneByADeadWorker(order, ReservationStep.COMMIT);

        StockReleased released = send(order, "release", new ReleaseStock(order)).as(StockReleased.class);

        assertEquals(StockReleased.Outcome.RETURNED, released.outcome(), "the commit was finished, then the sale undone");
        assertStock(sku, 10, 0, 0);
        assertSettled(order, ReservationStatus.RETURNED);
    }

    @Test
    void aCommitFinishesAReleaseThatADeadWorkerBeganAndIsRefused() {
        String sku = newProduct("release-begun", 10, 0);
        String order = orderHolding(sku, 4);
        // a worker began giving the stock back, then died: the commit must not take the held reservation as it stands
        leftHalfDoneByADeadWorker(order, ReservationStep.RELEASE);

        StockCommitRefused refused = send(order, "commit", new CommitStock(order)).as(StockCommitRefused.class);

        assertEquals(StockCommitRefused.Status.RELEASED, refused.reservationStatus(), "the release was finished first");
        assertStock(sku, 10, 0, 0);
        assertSettled(order, ReservationStatus.RELEASED);
    }

    @Test
    void aCommitWaitsForTheWorkerThatHoldsTheLease() {
        String sku = newProduct("leased", 10, 0);
        String order = orderHolding(sku, 4);
        // another worker, alive, holds the held reservation's lease for two more seconds, with no step begun yet
        Instant leaseEnds = Instant.now().plusSeconds(2);
        leasedTo(order, "live-worker", leaseEnds);

        Received committed = send(order, "commit", new CommitStock(order));

        assertTrue(!Instant.now().isBefore(leaseEnds), "the commit did not wait for the lease to run out");
        assertEquals(new StockCommitted(order), committed.as(StockCommitted.class));
        assertStock(sku, 6, 0, 4);
        assertSettled(order, ReservationStatus.COMMITTED);
    }

    /** A new order that holds {@code quantity} of {@code sku}. */
    private String orderHolding(String sku, int quantity) {
        String order = newOrder();
        send(order, "reserve", new ReserveStock(order, List.of(new StockLine(sku, quantity))));
        return order;
    }

    /** The worker that began {@code step} on the order's reservation died: the step is recorded, its lease ran out. */
    private void leftHalfDoneByADeadWorker(String order, ReservationStep step) {
        leasedTo(order, "dead-worker", Instant.now().minusSeconds(1), Updates.set("underway", step));
    }

    /** Gives the order's reservation's lease to {@code owner} until {@code until}, with {@code changes}. */
    private void leasedTo(String order, String owner, Instant until, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(Updates.set("leaseOwner", owner));
        update.add(Updates.set("leaseUntil", until));
        reservations.mongoCollection().updateOne(Filters.eq("_id", order), Updates.combine(update))
                .await().atMost(Duration.ofSeconds(10));
    }

    private void assertSettled(String order, ReservationStatus status) {
        Reservation settled = Stock.reservation(reservations, order);
        assertEquals(status, settled.status);
        assertEquals(null, settled.underway, "no step left under way");
        assertEquals(null, settled.leaseOwner, "the lease given back");
    }

    @Test
    void releaseAfterCommitPutsTheSoldStockBack() {
        String sku = newProduct("returned", 10, 0);
        String order = orderHolding(sku, 4);
        send(order, "commit", new CommitStock(order));

        StockReleased returned = send(order, "release", new ReleaseStock(order)).as(StockReleased.class);

        assertEquals(StockReleased.Outcome.RETURNED, returned.outcome());
        assertStock(sku, 10, 0, 0);
        assertTrue(Stock.product(products, sku).returns.isEmpty(), "the return mark is gone");
    }

    @Test
    void releaseOfAnUnknownOrderIsAHarmlessNoOpThatRefusesALateReserve() {
        String sku = newProduct("late", 10, 0);
        String order = newOrder();

        StockReleased nothing = send(order, "release", new ReleaseStock(order)).as(StockReleased.class);
        StockRejected late = send(order, "reserve", new ReserveStock(order, List.of(new StockLine(sku, 1))))
                .as(StockRejected.class);

        assertEquals(StockReleased.Outcome.NOTHING_HELD, nothing.outcome());
        assertEquals(StockRejected.Reason.RESERVATION_CLOSED, late.reason());
        assertStock(sku, 10, 0, 0);
    }

    @Test
    void anUnknownProductRejectsTheWholeOrderAndHoldsNothing() {
        String sku = newProduct("known", 10, 0);
        String order = newOrder();

        StockRejected rejected = send(order, "reserve",
                new ReserveStock(order, List.of(new StockLine(sku, 1), new StockLine("no-such-" + order, 1))))
                .as(StockRejected.class);

        assertEquals(StockRejected.Reason.UNKNOWN_PRODUCT, rejected.reason());
        assertEquals(List.of(new StockRejected.LineProblem("no-such-" + order, 1, null, StockRejected.Reason.UNKNOWN_PRODUCT)),
                rejected.problems());
        assertStock(sku, 10, 0, 0);
    }

    @Test
    void commitOfAnOrderThatHoldsNothingIsRefused() {
        String order = newOrder();

        assertEquals(new StockCommitRefused(order, StockCommitRefused.Status.NONE),
                send(order, "commit", new CommitStock(order)).as(StockCommitRefused.class));
    }

    @Test
    void lowStockIsPublishedOncePerCrossing() {
        String sku = newProduct("scarce", 10, 5);
        String first = newOrder();
        String second = newOrder();
        String third = newOrder();

        send(first, "reserve", new ReserveStock(first, List.of(new StockLine(sku, 3))));
        send(second, "reserve", new ReserveStock(second, List.of(new StockLine(sku, 3))));
        send(third, "reserve", new ReserveStock(third, List.of(new StockLine(sku, 1))));
        LowStock alert = events.await(lowStockOf(sku)).as(LowStock.class);
        send(second, "release", new ReleaseStock(second));
        send(third, "release", new ReleaseStock(third));
        String fourth = newOrder();
        send(fourth, "reserve", new ReserveStock(fourth, List.of(new StockLine(sku, 4))));
        List<Received> alerts = events.await(lowStockOf(sku), 2);

        assertEquals(new LowStock(sku, "scarce", 4, 5), alert);
        assertEquals(List.of(sku + ":low-stock:1", sku + ":low-stock:2"), alerts.stream().map(Received::messageId).toList());
        assertEquals(2, events.received(lowStockOf(sku)).size(), "one alert per crossing");
    }

    @Test
    void anInvalidCommandIsParkedWithoutAReply() {
        String order = newOrder();
        double parkedBefore = Meters.count(metrics, "messages.parked", "queue", "inventory.commands", "reason", "unreadable");

        broker.sendCommandUntilParked("inventory.commands.dlq", Duration.ofSeconds(20), order + ":reserve", order, REPLY_TO,
                new ReserveStock(order, List.of(new StockLine("any", 0))));

        assertTrue(replies.received(correlatedTo(order)).isEmpty(), "no reply to an invalid command");
        assertEquals(null, Stock.reservation(reservations, order), "nothing stored");
        await().atMost(Duration.ofSeconds(5)).until(() -> Meters.count(metrics, "messages.parked", "queue",
                "inventory.commands", "reason", "unreadable") == parkedBefore + 1);
    }

    private Received send(String order, String action, Object command) {
        String messageId = order + ":" + action;
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }

    private void assertStock(String sku, long available, long reserved, long sold) {
        Product product = Stock.product(products, sku);
        assertEquals(available, product.available, "available");
        assertEquals(reserved, product.reserved, "reserved");
        assertEquals(sold, product.sold, "sold");
        assertConserved(product);
    }

    private static java.util.function.Predicate<Received> lowStockOf(String sku) {
        return event -> "inventory.low-stock".equals(event.type()) && event.messageId().startsWith(sku + ":");
    }

    private static String newOrder() {
        return "order-" + UUID.randomUUID();
    }
}
