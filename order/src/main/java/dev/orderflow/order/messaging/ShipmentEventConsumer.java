package dev.orderflow.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.contracts.shipping.ShipmentInTransit;
import dev.orderflow.order.service.ShipmentProgress;
import io.smallrye.mutiny.Uni;

/** The {@code order.shipment-events} queue: the carrier's progress moves confirmed orders to SHIPPED and DELIVERED. */
@ApplicationScoped
public class ShipmentEventConsumer {

    static final MessageTypes EVENTS = MessageTypes.of(ShipmentDispatched.class, ShipmentInTransit.class,
            ShipmentDelivered.class);

    private final Messaging messaging;
    private final ShipmentProgress progress;

    public ShipmentEventConsumer(Messaging messaging, ShipmentProgress progress) {
        this.messaging = messaging;
        this.progress = progress;
    }

    @Incoming("shipment-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, EVENTS, event -> progress.onShipmentEvent(event).replaceWithVoid());
    }
}
