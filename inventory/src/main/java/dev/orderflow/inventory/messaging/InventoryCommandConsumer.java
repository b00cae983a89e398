package dev.orderflow.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.ReleaseStock;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.inventory.service.ReservationService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The {@code inventory.commands} queue: reserve, release and commit stock for the order saga. Each command is
 * acknowledged once its effect is stored and its reply confirmed by the broker.
 */
@ApplicationScoped
public class InventoryCommandConsumer {

    static final MessageTypes COMMANDS = MessageTypes.of(ReserveStock.class, ReleaseStock.class, CommitStock.class);

    private final Messaging messaging;
    private final ReservationService reservations;
    private final MutinyEmitter<byte[]> replies;

    public InventoryCommandConsumer(Messaging messaging, ReservationService reservations,
            @Channel("replies") MutinyEmitter<byte[]> replies) {
        this.messaging = messaging;
        this.reservations = reservations;
        this.replies = replies;
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, COMMANDS,
                command -> handle(command).chain(reply -> messaging.reply(replies, command, reply)));
    }

    private Uni<Object> handle(Envelope<Object> command) {
        Object payload = command.payload();
        if (payload instanceof ReserveStock reserve) {
            return reservations.reserve(reserve);
        }
        if (payload instanceof ReleaseStock release) {
            return reservations.release(release.orderId());
        }
        if (payload instanceof CommitStock commit) {
            return reservations.commit(commit.orderId());
        }
        throw new IllegalStateException("no handler for " + command.type());
    }
}
