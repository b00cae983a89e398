package dev.orderflow.shipping.messaging;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.contracts.shipping.ShipmentInTransit;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The events shipping publishes on the {@code events} exchange, one per status a carrier reports, through the
 * shipment's outbox: the status change stores its {@link #progress pending event}, the event is built from the stored
 * shipment when it is published.
 * <p>
 * A {@code @Singleton}: {@link Outbox} has no no-args constructor, so a subclass cannot be given a client proxy.
 */
@Singleton
public class ShipmentOutbox extends Outbox<Shipment> {

    /** The statuses a carrier reports, each with its event. */
    private static final List<ShipmentStatus> CARRIER_STATUSES = Arrays.stream(ShipmentStatus.values())
            .filter(ShipmentStatus::hasLeft)
            .toList();

    public ShipmentOutbox(ShipmentRepository shipments, Messaging messaging,
            @Channel("events") MutinyEmitter<byte[]> events, StoreRetry storeRetry) {
        super(shipments.mongoCollection(), shipment -> shipment.id, shipment -> shipment.outbox, messaging, events,
                storeRetry);
    }

    /**
     * The event a shipment owes once it reached {@code status}, to store with the status change. A shipment reaches
     * each status once, so {@code <shipmentId>:<status>} identifies the event, and a re-publish is recognised
     * downstream.
     */
    public static PendingMessage progress(String shipmentId, ShipmentStatus status, Instant at) {
        return new PendingMessage(shipmentId + ":" + status.name(), typeOf(status), at);
    }

    /** The event of the status the pending message's type names, read from the shipment as stored. */
    @Override
    protected Envelope<?> message(Shipment shipment, PendingMessage pending) {
        return Envelope.of(pending.messageId, shipment.orderId, event(shipment, statusOf(pending.type)));
    }

    private static String typeOf(ShipmentStatus status) {
        return MessageTypes.nameOf(eventClass(status));
    }

    private static ShipmentStatus statusOf(String type) {
        return CARRIER_STATUSES.stream().filter(status -> typeOf(status).equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shipment event of type " + type));
    }

    private static Class<?> eventClass(ShipmentStatus status) {
        return switch (status) {
            case DISPATCHED -> ShipmentDispatched.class;
            case IN_TRANSIT -> ShipmentInTransit.class;
            case DELIVERED -> ShipmentDelivered.class;
            default -> throw new IllegalArgumentException("no event for a shipment becoming " + status);
        };
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
