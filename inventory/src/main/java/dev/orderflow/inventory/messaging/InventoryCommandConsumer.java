package dev.orderflow.inventory.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.CommandHandlers;
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

    private final Messaging messaging;
    private final CommandHandlers handlers;
    private final MutinyEmitter<byte[]> replies;

    public InventoryCommandConsumer(Messaging messaging, ReservationService reservations,
            @Channel("replies") MutinyEmitter<byte[]> replies,
            @ConfigProperty(name = "mp.messaging.incoming.commands.routing-keys") List<String> routingKeys) {
        this.messaging = messaging;
        this.replies = replies;
        this.handlers = CommandHandlers.of(
                CommandHandlers.on(ReserveStock.class, reservations::reserve),
                CommandHandlers.on(ReleaseStock.class, release -> reservations.release(release.orderId())),
                CommandHandlers.on(CommitStock.class, commit -> reservations.commit(commit.orderId())))
                .requireRoutedBy(routingKeys);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.serve(message, handlers, replies);
    }
}
