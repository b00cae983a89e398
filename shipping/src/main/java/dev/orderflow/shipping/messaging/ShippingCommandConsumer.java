package dev.orderflow.shipping.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
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

    static final MessageTypes COMMANDS = MessageTypes.of(ScheduleShipment.class, CancelShipment.class);

    private final Messaging messaging;
    private final ShipmentService shipments;
    private final MutinyEmitter<byte[]> replies;

    public ShippingCommandConsumer(Messaging messaging, ShipmentService shipments,
            @Channel("replies") MutinyEmitter<byte[]> replies) {
        this.messaging = messaging;
        this.shipments = shipments;
        this.replies = replies;
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, COMMANDS,
                command -> handle(command).chain(reply -> messaging.reply(replies, command, reply)));
    }

    private Uni<Object> handle(Envelope<Object> command) {
        Object payload = command.payload();
        if (payload instanceof ScheduleShipment schedule) {
            return shipments.schedule(schedule);
        }
        if (payload instanceof CancelShipment cancel) {
            return shipments.cancel(cancel.orderId());
        }
        throw new IllegalStateException("no handler for " + command.type());
    }
}
