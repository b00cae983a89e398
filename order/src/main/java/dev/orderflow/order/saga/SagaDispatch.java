package dev.orderflow.order.saga;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.order.Order;
import dev.orderflow.order.messaging.OrderEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The sending side of a saga change, once {@link OrderSagaRunner} has stored it: the commands it decided go to the
 * participants, then its new events go out through the order's outbox. Deciding and storing are the runner's; what
 * goes on the broker, and how long a command may wait there, is here.
 */
@ApplicationScoped
public class SagaDispatch {

    private static final Logger LOG = Logger.getLogger(SagaDispatch.class);

    private final Messaging messaging;
    private final MutinyEmitter<byte[]> commands;
    private final OrderEvents events;
    private final Clock clock;

    public SagaDispatch(Messaging messaging, @Channel("commands") MutinyEmitter<byte[]> commands, OrderEvents events,
            Clock clock) {
        this.messaging = messaging;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the decided commands, each expiring from its queue at the step's deadline (when the saga sends it again,
     * or gives up: a command that waited that long is not worth carrying out twice), then publishes the new events
     * through the outbox. Everything sent is built here, from the order as it is now; the returned Uni does not touch
     * the order. Failures are repaired by the recovery loop and the outbox sweep.
     */
    Uni<Void> send(Order order, List<Transition.Command> decided, List<PendingMessage> newEvents) {
        String orderId = order.id;
        Duration expiresIn = order.saga.deadline == null ? null : Duration.between(clock.instant(), order.saga.deadline);
        List<Envelope<Object>> sent = decided.stream()
                .map(command -> Envelope.of(command.id(), orderId, command.payload()).withReplyTo(OrderSaga.REPLY_TO))
                .toList();
        Uni<Void> publishing = events.publish(order, newEvents);
        return Multi.createFrom().iterable(sent)
                .onItem().transformToUniAndMerge(command -> messaging.publish(commands, command, expiresIn))
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Order %s: command not sent (%s); it is sent again at its deadline", orderId,
                            failure.toString());
                    return Uni.createFrom().voidItem();
                })
                .chain(() -> publishing);
    }
}
