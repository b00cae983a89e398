package dev.orderflow.order.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.outbox.OutboxSweeper;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.repository.OrderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An order stored with an event its worker never published (it crashed after storing, or the broker did not confirm):
 * the outbox sweep publishes it, under the event's stable id, and empties the order's outbox; a newer one is left to
 * its worker. What the sweep found waiting is the outbox's backlog.
 */
@QuarkusTest
class OrderOutboxTest {

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe events = broker.probe("events", "order.*");

    @Inject
    OrderRepository orders;

    @Inject
    OutboxSweeper sweeper;

    @Inject
    MeterRegistry registry;

    @Test
    void anEventLeftInTheOutboxIsPublishedByTheSweep() {
        Instant longAgo = Instant.now().minusSeconds(60);
        Order cancelled = cancelledOrder("ord-" + UUID.randomUUID(), longAgo);
        cancelled.announce(OrderEvents.CANCELLED, longAgo);
        Order recent = cancelledOrder("ord-" + UUID.randomUUID(), Instant.now());
        recent.announce(OrderEvents.CANCELLED, Instant.now());
        orders.persist(List.of(cancelled, recent)).await().atMost(Duration.ofSeconds(10));

        sweeper.sweep().await().atMost(Duration.ofSeconds(10));

        assertEquals(1, Meters.gauge(registry, OutboxSweeper.BACKLOG, "outbox", "orders"), "the sweep saw the old one waiting");
        MessageProbe.Received published = events.await(MessageProbe.correlatedTo(cancelled.id));
        assertEquals(cancelled.id + ":order.cancelled", published.messageId());
        OrderCancelled event = published.as(OrderCancelled.class);
        assertEquals(CancellationReason.OUT_OF_STOCK, event.reason());
        // the confirmed event leaves the outbox within the take-out window
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> orders.findById(cancelled.id).await().atMost(Duration.ofSeconds(5)).outbox.isEmpty());
        assertEquals(1, orders.findById(recent.id).await().atMost(Duration.ofSeconds(5)).outbox.size(),
                "an event younger than republish-after is its worker's to publish");
        assertTrue(events.received(MessageProbe.correlatedTo(recent.id)).isEmpty());
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        assertEquals(0, Meters.gauge(registry, OutboxSweeper.BACKLOG, "outbox", "orders"));
        assertThat(Meters.scrape(), containsString("outbox_backlog{application=\"order\",outbox=\"orders\"} 0.0"));
    }

    private static Order cancelledOrder(String id, Instant at) {
        Order order = new Order();
        order.id = id;
        order.customerId = "customer-" + UUID.randomUUID();
        order.customerEmail = "ada@example.com";
        Order.Item item = new Order.Item("laptop", 1);
        item.unitPrice = new BigDecimal("10.00");
        order.items = List.of(item);
        order.status = OrderStatus.CANCELLED;
        order.cancellationReason = CancellationReason.OUT_OF_STOCK;
        order.createdAt = at;
        order.updatedAt = at;
        return order;
    }
}
