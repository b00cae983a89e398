package dev.orderflow.order.saga;

import static dev.orderflow.order.testing.Orders.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.repository.OrderRepository;
import dev.orderflow.order.testing.FakeParticipants;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An instance that starts and finds a saga left half-way by another one (crashed after storing a step, before sending
 * its command) finishes it: the recovery loop sends the awaited command again, under the same id.
 */
@QuarkusTest
class SagaRecoveryTest {

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    @Inject
    OrderRepository orders;

    @Test
    void aSagaLeftHalfWayByAnotherInstanceIsFinished() {
        Order abandoned = halfWay("ord-" + UUID.randomUUID());
        orders.persist(abandoned).await().atMost(Duration.ofSeconds(10));

        awaitStatus(abandoned.id, "CONFIRMED");

        assertEquals(List.of("payment.charge", "shipping.schedule", "inventory.commit"), participants.commandsOf(abandoned.id),
                "the reservation is not asked again: it was done");
        assertEquals(abandoned.id + ":charge-payment:do", participants.commandIdsOf(abandoned.id).get(0));
    }

    /** What an instance stored after the stock was reserved, before it could send the charge: then it died. */
    private static Order halfWay(String id) {
        Instant then = Instant.now().minusSeconds(60);
        Order order = new Order();
        order.id = id;
        order.customerId = "customer-" + UUID.randomUUID();
        order.customerEmail = "ada@example.com";
        Order.Item item = new Order.Item("laptop", 2);
        item.unitPrice = new BigDecimal("10.00");
        order.items = List.of(item);
        order.shippingAddress = new Order.Address();
        order.shippingAddress.name = "Ada Lovelace";
        order.shippingAddress.line1 = "12 rue de la Paix";
        order.shippingAddress.city = "Paris";
        order.shippingAddress.postalCode = "75002";
        order.shippingAddress.country = "FR";
        order.paymentMethod = "tok_visa";
        order.total = new BigDecimal("20.00");
        order.currency = "EUR";
        order.status = OrderStatus.PENDING;
        order.saga.phase = SagaPhase.RUNNING;
        order.saga.step = 1;
        order.saga.attempt = 1;
        order.saga.awaiting = id + ":charge-payment:do";
        order.saga.deadline = then.plusSeconds(10);
        order.history.add(new Order.HistoryEntry(then, OrderStatus.PENDING, null, "placed", null));
        order.createdAt = then;
        order.updatedAt = then;
        order.version = 3;
        return order;
    }
}
