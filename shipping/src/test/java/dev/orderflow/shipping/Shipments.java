package dev.orderflow.shipping;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentLine;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.shipping.repository.ShipmentRepository;

/** Test helpers: schedule commands, shipments booked through the broker, and the stored state read back. */
public final class Shipments {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Shipments() {
    }

    public static String newOrder() {
        return "order-" + UUID.randomUUID();
    }

    public static Address addressIn(String country) {
        return new Address("Ada Lovelace", "12 rue des Lilas", "2nd floor", "Paris", "75011", country);
    }

    /** A schedule command for three items (two of A, one of B) worth 30.00 EUR. */
    public static ScheduleShipment schedule(String orderId, Address address) {
        return schedule(orderId, address, new BigDecimal("30.00"), "EUR");
    }

    public static ScheduleShipment schedule(String orderId, Address address, BigDecimal goodsValue, String currency) {
        return new ScheduleShipment(orderId, "customer-" + orderId, address,
                List.of(new ShipmentLine("sku-A", 2), new ShipmentLine("sku-B", 1)), goodsValue, currency);
    }

    /** Books a shipment to France through the broker, as the order saga would, and waits for the reply. */
    public static ShipmentScheduled book(TestBroker broker, MessageProbe replies, String replyTo, String orderId) {
        String messageId = orderId + ":schedule";
        broker.sendCommand(messageId, orderId, replyTo, schedule(orderId, addressIn("FR")));
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId())).as(ShipmentScheduled.class);
    }

    /** The order's shipment as stored; null when there is none. */
    public static Shipment stored(ShipmentRepository shipments, String orderId) {
        return shipments.findByOrder(orderId).await().atMost(READ_TIMEOUT);
    }

    public static long count(ShipmentRepository shipments, String orderId) {
        return shipments.count("orderId", orderId).await().atMost(READ_TIMEOUT);
    }
}
