package dev.orderflow.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which queue a parked message came from, and how many deliveries the queue allows, read from the channels' settings. */
class ParkedMessagesTest {

    static final Map<String, String> ORDER_SERVICE = Map.ofEntries(
            Map.entry("mp.messaging.connector.smallrye-rabbitmq.queue.x-delivery-limit", "5"),
            Map.entry("mp.messaging.incoming.replies.connector", "smallrye-rabbitmq"),
            Map.entry("mp.messaging.incoming.replies.exchange.name", "replies"),
            Map.entry("mp.messaging.incoming.replies.exchange.type", "direct"),
            Map.entry("mp.messaging.incoming.replies.queue.name", "order.replies"),
            Map.entry("mp.messaging.incoming.replies.routing-keys", "order"),
            Map.entry("mp.messaging.incoming.shipment-events.connector", "smallrye-rabbitmq"),
            Map.entry("mp.messaging.incoming.shipment-events.exchange.name", "events"),
            Map.entry("mp.messaging.incoming.shipment-events.queue.name", "order.shipment-events"),
            Map.entry("mp.messaging.incoming.shipment-events.routing-keys", "shipment.dispatched, shipment.*.late"),
            Map.entry("mp.messaging.incoming.shipment-events.queue.x-delivery-limit", "3"));

    final List<ParkedMessages.Queue> queues = ParkedMessages.queues(new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(ORDER_SERVICE, "test", 500)).build());

    @Test
    void everyIncomingChannelIsAQueueWithItsDeliveryLimit() {
        assertEquals(2, queues.size());
        assertEquals(Optional.of(5L), queue("order.replies").deliveryLimit(), "the connector's default");
        assertEquals(Optional.of(3L), queue("order.shipment-events").deliveryLimit(), "the channel's own");
    }

    @Test
    void aMessageIsItsQueuesByExchangeAndRoutingKey() {
        assertTrue(queue("order.replies").receives("replies", "order"));
        assertFalse(queue("order.replies").receives("replies", "inventory"));
        assertFalse(queue("order.replies").receives("events", "order"));
        assertTrue(queue("order.shipment-events").receives("events", "shipment.dispatched"));
        assertTrue(queue("order.shipment-events").receives("events", "shipment.parcel.late"), "a topic pattern");
        assertFalse(queue("order.shipment-events").receives("events", "shipment.delivered"));
    }

    @Test
    void aMessageSentStraightToAQueueNamesItByItsRoutingKey() {
        assertTrue(queue("order.replies").receives("", "order.replies"));
        assertFalse(queue("order.replies").receives("", "order.shipment-events"));
    }

    private ParkedMessages.Queue queue(String name) {
        return queues.stream().filter(queue -> queue.name().equals(name)).findFirst().orElseThrow();
    }
}
