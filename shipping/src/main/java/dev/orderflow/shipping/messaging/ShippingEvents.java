package dev.orderflow.shipping.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.contracts.shipping.ShipmentInTransit;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** The events shipping publishes on the {@code events} exchange; each Uni completes once the broker confirmed it. */
@ApplicationScoped
public class ShippingEvents {

    private final Messaging messaging;
    private final MutinyEmitter<byte[]> events;

    public ShippingEvents(Messaging messaging, @Channel("events") MutinyEmitter<byte[]> events) {
        this.messaging = messaging;
        this.events = events;
    }

    /**
     * The event of a status the carrier reported, read from the stored shipment. A shipment reaches each status once,
     * so {@code <shipmentId>:<status>} identifies the event, and a re-publish is recognised downstream.
     */
    public Uni<Void> progress(Shipment shipment, ShipmentStatus status) {
        return messaging.publish(events,
                Envelope.of(messageId(shipment.id, status), shipment.orderId, event(shipment, status)));
    }

    private static String messageId(String shipmentId, ShipmentStatus status) {
        return shipmentId + ":" + status.name();
    }

    private static Object event(Shipment shipment, ShipmentStatus status) {
        Instant at = shipment.reachedAt(status);
        return switch (status) {
            case DISPATCHED ->
                new ShipmentDispatched(shipment.orderId, shipment.id, shipment.carrier, shipment.trackingNumber, at);
            case IN_TRANSIT ->
                new ShipmentInTransit(shipment.orderId, shipment.id, shipment.carrier, shipment.trackingNumber, at);
            case DELIVERED ->
                new ShipmentDelivered(shipment.orderId, shipment.id, shipment.carrier, shipment.trackingNumber, at);
            default -> throw new IllegalArgumentException("no event for a shipment becoming " + status);
        };
    }
}
