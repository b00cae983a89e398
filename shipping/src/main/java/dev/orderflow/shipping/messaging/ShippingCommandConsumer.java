package dev.orderflow.shipping.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.CommandHandlers;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.shipping.service.ShipmentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The {@code shipping.commands} queue: schedule and cancel shipments for the order saga. Each command is acknowledged
 * once its effect is stored and its reply confirmed by the broker.
 */
@ApplicationScoped
public class ShippingCommandConsumer {

    private final Messaging messaging;
    private final CommandHandlers handlers;
    private final MutinyEmitter<byte[]> replies;

    public ShippingCommandConsumer(Messaging messaging, ShipmentService shipments,
            @Channel("replies") MutinyEmitter<byte[]> replies,
            @ConfigProperty(name = "mp.messaging.incoming.commands.routing-keys") List<String> routingKeys) {
        this.messaging = messaging;
        this.replies = replies;
        this.handlers = CommandHandlers.of(
                CommandHandlers.on(ScheduleShipment.class, shipments::schedule),
                CommandHandlers.on(CancelShipment.class, cancel -> shipments.cancel(cancel.orderId())))
                .requireRoutedBy(routingKeys);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.serve(message, handlers, replies);
    }
}
