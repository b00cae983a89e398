package dev.orderflow.inventory.messaging;

import static dev.orderflow.common.testing.MessageProbe.ofType;
import static dev.orderflow.inventory.Stock.assertConserved;
import static dev.orderflow.inventory.Stock.newProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.Stock;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import dev.orderflow.inventory.service.ReservationService;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Many orders at once for more than the stock can serve: each is served fully or not at all, and no unit is lost. */
@QuarkusTest
class ConcurrentReservationsTest {

    static final int ORDERS = 50;

    @Inject
    ProductRepository products;

    @Inject
    ReservationRepository reservations;

    @Inject
    ReservationService service;

    @Test
    void fiftyConcurrentOrdersAreEachReservedWhollyOrNotAtAll() throws Exception {
        List<String> skus = List.of(newProduct("alpha", 40, 0), newProduct("beta", 45, 0), newProduct("gamma", 35, 0));
        Random random = new Random(42);
        Map<String, List<StockLine>> orders = new HashMap<>();
        IntStream.range(0, ORDERS).forEach(i -> orders.put("order-" + UUID.randomUUID(),
                skus.stream().map(sku -> new StockLine(sku, 1 + random.nextInt(3))).toList()));
        String replyTo = "concurrent-" + UUID.randomUUID();

        List<Received> replies;
        try (TestBroker broker = TestBroker.connect(); MessageProbe probe = broker.probe("replies", replyTo)) {
            orders.forEach(
                    (order, lines) -> broker.sendCommand(order + ":reserve", order, replyTo, new ReserveStock(order, lines)));
            replies = probe.await(reply -> true, ORDERS);
        }

        Map<String, String> replyTypeByOrder = replies.stream()
                .collect(Collectors.toMap(Received::correlationId, Received::type));
        assertEquals(orders.keySet(), replyTypeByOrder.keySet(), "one reply per order");
        List<String> held = new ArrayList<>();
        for (String order : orders.keySet()) {
            Reservation reservation = Stock.reservation(reservations, order);
            if (replyTypeByOrder.get(order).equals("inventory.reserved")) {
                assertEquals(ReservationStatus.HELD, reservation.status, order);
                held.add(order);
            } else {
                assertEquals("inventory.reservation-rejected", replyTypeByOrder.get(order));
                assertEquals(ReservationStatus.REJECTED, reservation.status, order);
                assertEquals(StockRejected.Reason.OUT_OF_STOCK, reservation.rejectionReason, order);
            }
        }
        assertTrue(!held.isEmpty() && held.size() < ORDERS, "some orders are served, not all: " + held.size());
        for (String sku : skus) {
            Product product = Stock.product(products, sku);
            assertConserved(product);
            long heldQuantity = held.stream().flatMap(order -> orders.get(order).stream())
                    .filter(line -> line.sku().equals(sku)).mapToLong(StockLine::quantity).sum();
            assertEquals(heldQuantity, product.reserved, sku + ": reserved is exactly what the held orders asked for");
            assertEquals(held.size(), product.holds.size(), sku + ": one hold per held order, none for a rejected one");
            assertTrue(product.holds.stream().allMatch(hold -> held.contains(hold.orderId)), sku);
        }
        assertEquals(ORDERS,
                replies.stream().filter(ofType("inventory.reserved").or(ofType("inventory.reservation-rejected"))).count());
    }

    /**
     * The same, all in one instant in this process: far more concurrency than the queue's consumers give, so orders
     * pass the first read together and some fail half-way, which must undo what they took.
     */
    @Test
    void ordersStartedInTheSameInstantAreEachReservedWhollyOrNotAtAll() {
        List<String> skus = List.of(newProduct("delta", 20, 0), newProduct("epsilon", 20, 0), newProduct("zeta", 20, 0));
        Random random = new Random(7);
        Map<String, List<StockLine>> orders = new HashMap<>();
        IntStream.range(0, ORDERS).forEach(i -> orders.put("order-" + UUID.randomUUID(),
                skus.stream().map(sku -> new StockLine(sku, 1 + random.nextInt(3))).toList()));

        List<Object> replies = Uni.join().all(orders.entrySet().stream()
                .map(order -> service.reserve(new ReserveStock(order.getKey(), order.getValue()))).toList())
                .andFailFast().await().atMost(Duration.ofSeconds(60));

        List<String> held = replies.stream().filter(StockReserved.class::isInstance)
                .map(reply -> ((StockReserved) reply).orderId())
                .toList();
        assertTrue(!held.isEmpty() && held.size() < ORDERS, "some orders are served, not all: " + held.size());
        for (String sku : skus) {
            Product product = Stock.product(products, sku);
            assertConserved(product);
            long heldQuantity = held.stream().flatMap(order -> orders.get(order).stream())
                    .filter(line -> line.sku().equals(sku)).mapToLong(StockLine::quantity).sum();
            assertEquals(heldQuantity, product.reserved, sku);
            assertEquals(Set.copyOf(held), product.holds.stream().map(hold -> hold.orderId).collect(Collectors.toSet()), sku);
        }
    }
}
