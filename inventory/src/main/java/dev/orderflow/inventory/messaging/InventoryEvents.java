package dev.orderflow.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.inventory.ReservationExpired;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** The events inventory publishes on the {@code events} exchange; each Uni completes once the broker confirmed it. */
@ApplicationScoped
public class InventoryEvents {

    private final Messaging messaging;
    private final MutinyEmitter<byte[]> events;

    public InventoryEvents(Messaging messaging, @Channel("events") MutinyEmitter<byte[]> events) {
        this.messaging = messaging;
        this.events = events;
    }

    /** The n-th time a product ran low: its event id is stable, so a re-publish is recognised downstream. */
    public Uni<Void> lowStock(LowStock event, long crossing) {
        return messaging.publish(events, Envelope.of(event.sku() + ":low-stock:" + crossing, null, event));
    }

    public Uni<Void> reservationExpired(ReservationExpired event) {
        return messaging.publish(events, Envelope.of(event.orderId() + ":reservation-expired", event.orderId(), event));
    }
}
