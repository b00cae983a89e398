package dev.orderflow.shipping.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.Shipments;
import io.quarkus.test.junit.QuarkusTest;

/** The store itself guarantees one shipment per order: every command's idempotency rests on it. */
@QuarkusTest
class ShipmentRepositoryTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ShipmentRepository shipments;

    @Test
    void theStoreRefusesASecondShipmentForAnOrder() {
        String order = Shipments.newOrder();
        shipments.persist(cancelled(order)).await().atMost(TIMEOUT);

        MongoWriteException refused = assertThrows(MongoWriteException.class,
                () -> shipments.persist(cancelled(order)).await().atMost(TIMEOUT));

        assertTrue(MongoSupport.isDuplicateKey(refused), refused.getMessage());
        assertEquals(1, Shipments.count(shipments, order));
    }

    private static Shipment cancelled(String orderId) {
        Shipment shipment = Shipment.forOrder(orderId, Instant.now());
        shipment.status = ShipmentStatus.CANCELLED;
        shipment.cancelledAt = shipment.createdAt;
        return shipment;
    }
}
