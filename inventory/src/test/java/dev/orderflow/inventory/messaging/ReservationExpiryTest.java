package dev.orderflow.inventory.messaging;

import static dev.orderflow.inventory.Stock.assertConserved;
import static dev.orderflow.inventory.Stock.newProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.ReservationExpired;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.Stock;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A reservation nobody commits or releases is released by inventory itself, once its time-to-live is over. */
@QuarkusTest
@TestProfile(ReservationExpiryTest.ShortLived.class)
class ReservationExpiryTest {

    public static class ShortLived implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inventory.reservations.time-to-live", "1s", "inventory.reservations.sweep-interval", "500ms");
        }
    }

    @Inject
    ProductRepository products;

    @Inject
    ReservationRepository reservations;

    @Test
    void aForgottenReservationExpiresAndItsStockComesBack() throws Exception {
        String sku = newProduct("forgotten", 10, 0);
        String order = "order-" + UUID.randomUUID();
        String replyTo = "expiry-" + UUID.randomUUID();

        try (TestBroker broker = TestBroker.connect();
                MessageProbe replies = broker.probe("replies", replyTo);
                MessageProbe events = broker.probe("events", "inventory.reservation-expired")) {
            broker.sendCommand(order + ":reserve", order, replyTo, new ReserveStock(order, List.of(new StockLine(sku, 6))));
            replies.await(MessageProbe.ofType("inventory.reserved"));

            ReservationExpired expired = events.await(MessageProbe.correlatedTo(order)).as(ReservationExpired.class);
            broker.sendCommand(order + ":commit", order, replyTo, new CommitStock(order));
            StockCommitRefused refused = replies.await(MessageProbe.ofType("inventory.commit-refused"))
                    .as(StockCommitRefused.class);

            assertEquals(new ReservationExpired(order, List.of(new StockLine(sku, 6))), expired);
            assertEquals(StockCommitRefused.Status.EXPIRED, refused.reservationStatus());
        }
        assertEquals(ReservationStatus.EXPIRED, Stock.reservation(reservations, order).status);
        Product product = Stock.product(products, sku);
        assertEquals(10, product.available);
        assertConserved(product);
    }
}
