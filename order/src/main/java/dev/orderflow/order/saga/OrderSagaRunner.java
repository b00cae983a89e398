package dev.orderflow.order.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.messaging.OrderEvents;
import dev.orderflow.order.repository.ConcurrentChangeException;
import dev.orderflow.order.repository.OrderCache;
import dev.orderflow.order.repository.OrderRepository;
import dev.orderflow.order.saga.OrderSaga;
import dev.orderflow.order.saga.SagaEngine;
import dev.orderflow.order.saga.SagaFailure;
import dev.orderflow.order.saga.Transition;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Runs {@link OrderSaga} against the store and the broker. Every change follows the same path: read the order, let
 * {@link SagaEngine} decide, store the order with one conditional replacement on its version, and only then send the
 * commands and publish the events the decision produced. A crash between storing and sending loses nothing: the
 * command is awaited with a deadline, and the recovery loop sends it again; the events wait in the order's outbox.
 */
@ApplicationScoped
public class OrderSagaRunner {

    private static final Logger LOG = Logger.getLogger(OrderSagaRunner.class);
    private static final int CONCURRENT_CHANGE_RETRIES = 10;

    private final OrderRepository orders;
    private final Messaging messaging;
    private final MutinyEmitter<byte[]> commands;
    private final OrderEvents events;
    private final SagaEngine<Order> engine;
    private final OrderCache cache;
    private final Admission admission;
    private final Clock clock;

    public OrderSagaRunner(OrderRepository orders, OrderCache cache, Admission admission, Messaging messaging,
            @Channel("commands") MutinyEmitter<byte[]> commands, OrderEvents events, OrderConfig config, Clock clock) {
        this.orders = orders;
        this.cache = cache;
        this.admission = admission;
        this.messaging = messaging;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        Map<String, SagaEngine.Timing> timings = new HashMap<>();
        config.saga().steps()
                .forEach((step, timing) -> timings.put(step, new SagaEngine.Timing(timing.deadline(), timing.attempts())));
        this.engine = new SagaEngine<>(OrderSaga.DEFINITION, order -> order.id, order -> order.saga, timings);
    }

    /**
     * Stores a new order with its saga started, and answers: the first command and the order.created event are sent
     * right after, without making the client wait on the broker. Stored is what counts: if the send fails, the
     * recovery loop sends the command at its deadline and publishes the event from the outbox.
     */
    public Uni<Order> start(Order order) {
        Instant now = clock.instant();
        order.status = OrderStatus.PENDING;
        order.createdAt = now;
        order.updatedAt = now;
        order.history.add(new Order.HistoryEntry(now, OrderStatus.PENDING, null, "placed", null));
        Transition transition = engine.start(order, now);
        record(order, OrderStatus.PENDING, transition, now);
        order.pendingEvents.add(OrderEvents.CREATED);
        return orders.persist(order)
                .invoke(() -> LOG.infof("Order %s placed", order.id))
                .invoke(admission::started)
                .invoke(() -> dispatch(order, transition.commands(), List.of(OrderEvents.CREATED)).subscribe().with(sent -> {
                }, failure -> LOG.warnf("Order %s: first command not sent yet (%s)", order.id, failure.toString())));
    }

    /** A participant's reply to one of the saga's commands; a late or repeated reply changes nothing. */
    public Uni<Order> onReply(Envelope<Object> reply) {
        return change(reply.correlationId(), true, (order, now) -> followSaga(order,
                engine.onReply(order, reply.messageId(), reply.payload(), now)));
    }

    /** Acts on a passed deadline: sends the awaited command again, or gives the step up. */
    public Uni<Order> onDeadline(String orderId) {
        return change(orderId, true, (order, now) -> followSaga(order, engine.onDeadline(order, now)));
    }

    /**
     * The customer cancels: allowed until the order has shipped; the saga undoes what was done. Cancelling again
     * changes nothing.
     */
    public Uni<Order> cancel(String orderId) {
        return change(orderId, false, (order, now) -> switch (order.status) {
            case SHIPPED, DELIVERED ->
                throw ProblemException.conflict("Order " + orderId + " has shipped: it can no longer be cancelled");
            case COMPENSATING, CANCELLED -> {
                if (order.saga.failureReason == CancellationReason.CUSTOMER_CANCELLED) {
                    yield Optional.empty();
                }
                throw ProblemException
                        .conflict("Order " + orderId + " is cancelled already (" + order.saga.failureReason + ")");
            }
            default ->
                followSaga(order, engine.cancel(order,
                        new SagaFailure(CancellationReason.CUSTOMER_CANCELLED, "cancelled by the customer"), now));
        });
    }

    /** The carrier's progress: a confirmed order becomes SHIPPED, then DELIVERED. A repeated event changes nothing. */
    public Uni<Order> onShipmentEvent(Envelope<Object> event) {
        return change(event.correlationId(), true, (order, now) -> {
            if (order.shipmentEvents.contains(event.messageId())) {
                return Optional.empty();
            }
            order.shipmentEvents.add(event.messageId());
            if (event.payload() instanceof ShipmentDispatched dispatched) {
                order.dispatchedAt = dispatched.at();
                moveTo(order, OrderStatus.SHIPPED, List.of(OrderStatus.CONFIRMED), OrderEvents.SHIPPED);
            } else if (event.payload() instanceof ShipmentDelivered delivered) {
                order.deliveredAt = delivered.at();
                moveTo(order, OrderStatus.DELIVERED, List.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED),
                        OrderEvents.DELIVERED);
            }
            return Optional.of(new Transition(List.of(), List.of(new Transition.Note("shipping", event.type(), null))));
        });
    }

    /** Publishes what an order's outbox still holds. */
    public Uni<Void> publishPending(Order order) {
        return publish(order.id, order.pendingEvents.stream().map(type -> events.envelope(type, order)).toList());
    }

    /**
     * Reads the order (from {@link OrderCache} when this instance made its last change), decides, and stores the
     * decision if nobody changed the order meanwhile (else reads the store and decides again); then sends what was
     * decided. With {@code keep}, the stored order goes back to the cache for the saga's next change. An unknown order
     * yields null.
     */
    private Uni<Order> change(String orderId, boolean keep, BiFunction<Order, Instant, Optional<Transition>> decide) {
        return Uni.createFrom().deferred(() -> load(orderId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().nullItem();
            }
            Instant now = clock.instant();
            OrderStatus before = order.status;
            boolean running = order.saga.phase != null && !order.saga.phase.isFinished();
            List<String> pendingBefore = List.copyOf(order.pendingEvents);
            Optional<Transition> transition = decide.apply(order, now);
            if (transition.isEmpty()) {
                if (keep) {
                    cache.put(order);
                }
                return Uni.createFrom().item(order);
            }
            long expected = order.version;
            record(order, before, transition.get(), now);
            List<String> newEvents = order.pendingEvents.stream().filter(type -> !pendingBefore.contains(type)).toList();
            return orders.update(order, expected, newEvents).chain(stored -> {
                if (running && stored.saga.phase.isFinished()) {
                    admission.ended();
                }
                // the messages are built before the order is handed back: from then on its next change may hold it
                Uni<Void> sending = dispatch(stored, transition.get().commands(), newEvents);
                if (keep) {
                    cache.put(stored);
                }
                return sending.replaceWith(stored);
            });
        })).onFailure(ConcurrentChangeException.class).retry().atMost(CONCURRENT_CHANGE_RETRIES);
    }

    private Uni<Order> load(String orderId) {
        return cache.take(orderId).map(order -> Uni.createFrom().item(order)).orElseGet(() -> orders.findById(orderId));
    }

    /** The order's status follows its saga: running, compensating, completed (confirmed) or compensated (cancelled). */
    private Optional<Transition> followSaga(Order order, Optional<Transition> transition) {
        transition.ifPresent(ignored -> {
            switch (order.saga.phase) {
                case RUNNING -> order.status = OrderStatus.PENDING;
                case COMPENSATING -> order.status = OrderStatus.COMPENSATING;
                case COMPLETED -> moveTo(order, OrderStatus.CONFIRMED, List.of(OrderStatus.PENDING), OrderEvents.CONFIRMED);
                case COMPENSATED -> {
                    order.cancellationReason = order.saga.failureReason;
                    order.cancellationDetail = order.saga.failureDetail;
                    // straight from PENDING when the first step failed: nothing to undo
                    moveTo(order, OrderStatus.CANCELLED, List.of(OrderStatus.PENDING, OrderStatus.COMPENSATING),
                            OrderEvents.CANCELLED);
                }
                case COMPENSATION_REFUSED -> {
                    // the parcel left before it could be called off: the order stands, and follows its shipment
                    LOG.warnf("Order %s: could not be cancelled (%s), the parcel had left", order.id, order.saga.failureReason);
                    order.status = order.deliveredAt != null ? OrderStatus.DELIVERED
                            : order.dispatchedAt != null ? OrderStatus.SHIPPED : OrderStatus.CONFIRMED;
                }
            }
        });
        return transition;
    }

    private static void moveTo(Order order, OrderStatus to, List<OrderStatus> from, String event) {
        if (from.contains(order.status)) {
            order.status = to;
            order.pendingEvents.add(event);
        }
    }

    /** Appends what happened to the history, and the new status when it changed; one more version. */
    private static void record(Order order, OrderStatus before, Transition transition, Instant now) {
        order.version++;
        order.updatedAt = now;
        for (Transition.Note note : transition.notes()) {
            order.history.add(new Order.HistoryEntry(now, order.status, note.step(), note.outcome(), note.reason()));
        }
        if (order.status != before) {
            String reason = order.status == OrderStatus.CANCELLED && order.cancellationReason != null
                    ? order.cancellationReason.name()
                    : null;
            order.history
                    .add(new Order.HistoryEntry(now, order.status, null, order.status.name().toLowerCase(Locale.ROOT), reason));
            LOG.infof("Order %s: %s -> %s%s", order.id, before, order.status, reason == null ? "" : " (" + reason + ")");
        }
    }

    /**
     * Sends the decided commands, each expiring from its queue at the step's deadline (when the saga sends it again,
     * or gives up: a command that waited that long is not worth carrying out twice), then publishes the new events and
     * takes them out of the outbox. Everything sent is built here, from the order as it is now; the returned Uni does
     * not touch the order. Failures are repaired by the recovery loop.
     */
    private Uni<Void> dispatch(Order order, List<Transition.Command> decided, List<String> newEvents) {
        String orderId = order.id;
        Duration expiresIn = order.saga.deadline == null ? null : Duration.between(clock.instant(), order.saga.deadline);
        List<Envelope<Object>> sent = decided.stream()
                .map(command -> Envelope.of(command.id(), orderId, command.payload()).withReplyTo(OrderSaga.REPLY_TO))
                .toList();
        List<Envelope<Object>> published = newEvents.stream().map(type -> events.envelope(type, order)).toList();
        return Multi.createFrom().iterable(sent)
                .onItem().transformToUniAndMerge(command -> messaging.publish(commands, command, expiresIn))
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Order %s: command not sent (%s); it is sent again at its deadline", orderId,
                            failure.toString());
                    return Uni.createFrom().voidItem();
                })
                .chain(() -> publish(orderId, published));
    }

    /** Publishes the events one after the other, each taken out of the outbox once the broker has it. */
    private Uni<Void> publish(String orderId, List<Envelope<Object>> published) {
        return Multi.createFrom().iterable(published)
                .onItem().transformToUniAndConcatenate(event -> events.publish(event)
                        .chain(() -> orders.eventPublished(orderId, event.type()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("Order %s: %s not published yet (%s); the recovery loop retries", orderId,
                                    event.type(), failure.toString());
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last().replaceWithVoid();
    }
}
