package dev.orderflow.shipping.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.outbox.OutboxSweeper;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.Shipments;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.quarkus.test.junit.QuarkusTest;

/** A carrier event the broker never confirmed (the service crashed, the broker was away) is published by the sweep. */
@QuarkusTest
class UnconfirmedEventsTest {

    static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ShipmentRepository shipments;

    @Inject
    OutboxSweeper sweeper;

    @Test
    void everyEventLeftUnconfirmedIsPublishedUnderItsOwnIdAndLeavesTheOutbox() throws Exception {
        Instant dispatchedAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant deliveredAt = dispatchedAt.plusSeconds(30);
        Shipment left = delivered(Shipments.newOrder(), dispatchedAt, deliveredAt);

        try (TestBroker broker = TestBroker.connect(); MessageProbe events = broker.probe("events", "shipment.*")) {
            shipments.persist(left).await().atMost(SWEEP_TIMEOUT);
            sweeper.sweep().await().atMost(SWEEP_TIMEOUT);

            Received dispatched = events.await(event -> (left.id + ":DISPATCHED").equals(event.messageId()));
            Received delivered = events.await(event -> (left.id + ":DELIVERED").equals(event.messageId()));

            assertEquals("shipment.dispatched", dispatched.type());
            assertEquals("shipment.dispatched", dispatched.routingKey());
            assertEquals(left.orderId, dispatched.correlationId());
            assertEquals(new ShipmentDispatched(left.orderId, left.id, "ColiPoste", left.trackingNumber, dispatchedAt),
                    dispatched.as(ShipmentDispatched.class));
            assertEquals("shipment.delivered", delivered.type());
            assertEquals("shipment.delivered", delivered.routingKey());
            assertEquals(new ShipmentDelivered(left.orderId, left.id, "ColiPoste", left.trackingNumber, deliveredAt),
                    delivered.as(ShipmentDelivered.class));
        }
        await().atMost(SWEEP_TIMEOUT).until(() -> Shipments.stored(shipments, left.orderId).outbox.isEmpty());
        assertEquals(ShipmentStatus.DELIVERED, Shipments.stored(shipments, left.orderId).status);
    }

    /** A delivered shipment whose dispatched and delivered events were both left unconfirmed. */
    private static Shipment delivered(String orderId, Instant dispatchedAt, Instant deliveredAt) {
        Shipment shipment = Shipment.forOrder(orderId, dispatchedAt.minusSeconds(60));
        shipment.status = ShipmentStatus.DELIVERED;
        shipment.customerId = "customer-" + orderId;
        shipment.carrier = "ColiPoste";
        shipment.trackingNumber = "CP0000000042";
        shipment.cost = new BigDecimal("5.40");
        shipment.currency = "EUR";
        shipment.estimatedDelivery = LocalDate.now();
        shipment.scheduledAt = shipment.createdAt;
        shipment.dispatchedAt = dispatchedAt;
        shipment.deliveredAt = deliveredAt;
        shipment.outbox.add(new PendingMessage(shipment.id + ":DISPATCHED", "shipment.dispatched", dispatchedAt));
        shipment.outbox.add(new PendingMessage(shipment.id + ":DELIVERED", "shipment.delivered", deliveredAt));
        return shipment;
    }
}
