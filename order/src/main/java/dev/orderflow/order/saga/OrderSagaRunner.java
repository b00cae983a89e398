package dev.orderflow.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.messaging.OrderEvents;
import dev.orderflow.order.messaging.OrderStatusFeed;
import dev.orderflow.order.repository.ConcurrentChangeException;
import dev.orderflow.order.repository.OrderCache;
import dev.orderflow.order.repository.OrderRepository;
import io.smallrye.mutiny.Uni;

/**
 * Runs {@link OrderSaga} against the store and the broker. Every change follows the same path ({@link #change}): read
 * the order, decide, store the decision with one conditional update on the order's version, and only then push the new
 * status to the order's open streams ({@link OrderStatusFeed}), send the commands and publish the events the decision
 * produced ({@link SagaDispatch}). A crash between storing and sending loses nothing: the command is awaited with a
 * deadline, and {@link SagaRecovery} sends it again; the events wait in the order's outbox.
 */
@ApplicationScoped
public class OrderSagaRunner {

    private static final Logger LOG = Logger.getLogger(OrderSagaRunner.class);
    private static final int CONCURRENT_CHANGE_RETRIES = 10;

    private final OrderRepository orders;
    private final SagaDispatch dispatch;
    private final OrderStatusFeed statusFeed;
    private final SagaEngine<Order> engine;
    private final OrderCache cache;
    private final Admission admission;
    private final SagaMetrics metrics;
    private final Clock clock;

    public OrderSagaRunner(OrderRepository orders, OrderCache cache, Admission admission, SagaDispatch dispatch,
            OrderStatusFeed statusFeed, SagaMetrics metrics, OrderConfig config, Clock clock) {
        this.orders = orders;
        this.cache = cache;
        this.admission = admission;
        this.metrics = metrics;
        this.dispatch = dispatch;
        this.statusFeed = statusFeed;
        this.clock = clock;
        Map<String, SagaEngine.Timing> timings = new HashMap<>();
        config.saga().steps()
                .forEach((step, timing) -> timings.put(step, new SagaEngine.Timing(timing.deadline(), timing.attempts())));
        this.engine = new SagaEngine<>(OrderSaga.DEFINITION, order -> order.id, order -> order.saga, timings);
    }

    /**
     * Stores a new order with its saga started, and answers: the first command and the order.created event are sent
     * right after, without making the client wait on the broker. Stored is what counts: if the send fails, the
     * recovery loop sends the command at its deadline and the outbox sweep publishes the event. The stored order goes
     * to the cache for the first reply, and the caller gets a copy of it: the reply may change the cached one at once.
     */
    public Uni<Order> start(Order order) {
        Instant now = clock.instant();
        order.status = OrderStatus.PENDING;
        order.createdAt = now;
        order.updatedAt = now;
        order.history.add(new Order.HistoryEntry(now, OrderStatus.PENDING, null, "placed", null));
        Transition transition = engine.start(order, now);
        record(order, OrderStatus.PENDING, transition, now);
        order.announce(OrderEvents.CREATED, now);
        return orders.persist(order)
                .invoke(() -> LOG.infof("Order %s placed", order.id))
                .invoke(metrics::placed)
                .invoke(admission::started)
                .invoke(() -> dispatch.send(order, transition.commands(), List.copyOf(order.outbox)).subscribe().with(sent -> {
                }, failure -> LOG.warnf("Order %s: first command not sent yet (%s)", order.id, failure.toString())))
                .map(stored -> {
                    Order placed = orders.copy(stored);
                    cache.put(stored);
                    return placed;
                });
    }

    /** A participant's reply to one of the saga's commands; a late or repeated reply changes nothing. */
    public Uni<SagaMove> onReply(Envelope<Object> reply) {
        return move(reply.correlationId(), (order, now) -> followSaga(order,
                engine.onReply(order, reply.messageId(), reply.payload(), now), now));
    }

    /** Acts on a passed deadline: sends the awaited command again, or gives the step up. */
    public Uni<SagaMove> onDeadline(String orderId) {
        return move(orderId, (order, now) -> followSaga(order, engine.onDeadline(order, now), now));
    }

    /**
     * The customer cancels: allowed until the order has shipped; the saga undoes what was done. Cancelling again
     * changes nothing.
     */
    public Uni<Order> cancel(String orderId) {
        return change(orderId, false, Function.identity(), (order, now) -> {
            if (order.status.hasShipped()) {
                throw ProblemException.conflict("Order " + orderId + " has shipped: it can no longer be cancelled");
            }
            if (order.status.isCancelling()) {
                if (order.saga.failureReason == CancellationReason.CUSTOMER_CANCELLED) {
                    return Optional.empty();
                }
                throw ProblemException
                        .conflict("Order " + orderId + " is cancelled already (" + order.saga.failureReason + ")");
            }
            return followSaga(order,
                    engine.cancel(order, new SagaFailure(CancellationReason.CUSTOMER_CANCELLED, "cancelled by the customer"),
                            now),
                    now);
        });
    }

    /**
     * Moves an order whose saga goes on in this instance: the changed order goes back to the cache for the saga's next
     * change, and the caller gets where the move left it. An unknown order yields null.
     */
    public Uni<SagaMove> move(String orderId, BiFunction<Order, Instant, Optional<Transition>> decide) {
        return change(orderId, true, SagaMove::of, decide);
    }

    /**
     * Reads the order (from {@link OrderCache} when this instance made its last change), decides, and stores the
     * decision if nobody changed the order meanwhile (else reads the store and decides again); then counts it
     * ({@link SagaMetrics}) and sends what was decided. With {@code keep}, the stored order goes back to the cache for
     * the saga's next change, which may change it at once: the caller gets {@code handBack} of it, taken before. An
     * unknown order yields null. A new status is pushed to the order's streams before the commands go: the status a
     * command's reply brings is pushed after it.
     */
    private <T> Uni<T> change(String orderId, boolean keep, Function<Order, T> handBack,
            BiFunction<Order, Instant, Optional<Transition>> decide) {
        return Uni.createFrom().deferred(() -> load(orderId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().<T> nullItem();
            }
            Instant now = clock.instant();
            OrderStatus before = order.status;
            boolean running = order.saga.phase != null && !order.saga.phase.isFinished();
            Set<String> pendingBefore = order.outbox.stream().map(pending -> pending.messageId).collect(Collectors.toSet());
            Optional<Transition> transition = decide.apply(order, now);
            if (transition.isEmpty()) {
                T unchanged = handBack.apply(order);
                if (keep) {
                    cache.put(order);
                }
                return Uni.createFrom().item(unchanged);
            }
            long expected = order.version;
            record(order, before, transition.get(), now);
            List<PendingMessage> newEvents = order.outbox.stream().filter(pending -> !pendingBefore.contains(pending.messageId))
                    .toList();
            // the end is told before it is stored, so that no count of the store sees it before admission does
            boolean ends = running && order.saga.phase.isFinished();
            if (ends) {
                admission.ended();
            }
            return orders.update(order, expected, newEvents).onFailure().invoke(() -> {
                if (ends) {
                    admission.notEnded();
                }
            }).chain(stored -> {
                metrics.changed(before, stored, transition.get(), now);
                if (stored.status != before) {
                    statusFeed.push(stored);
                }
                // the messages are built before the order is handed back: from then on its next change may hold it
                Uni<Void> sending = dispatch.send(stored, transition.get().commands(), newEvents);
                T changed = handBack.apply(stored);
                if (keep) {
                    cache.put(stored);
                }
                return sending.replaceWith(changed);
            });
        })).onFailure(ConcurrentChangeException.class).retry().atMost(CONCURRENT_CHANGE_RETRIES);
    }

    private Uni<Order> load(String orderId) {
        return cache.take(orderId).map(order -> Uni.createFrom().item(order)).orElseGet(() -> orders.findById(orderId));
    }

    /** The order's status follows its saga: running, compensating, completed (confirmed) or compensated (cancelled). */
    private static Optional<Transition> followSaga(Order order, Optional<Transition> transition, Instant now) {
        transition.ifPresent(ignored -> {
            switch (order.saga.phase) {
                case RUNNING -> order.status = OrderStatus.PENDING;
                case COMPENSATING -> order.status = OrderStatus.COMPENSATING;
                case COMPLETED -> order.moveTo(OrderStatus.CONFIRMED, OrderEvents.CONFIRMED, now);
                case COMPENSATED -> {
                    order.cancellationReason = order.saga.failureReason;
                    order.cancellationDetail = order.saga.failureDetail;
                    // straight from PENDING when the first step failed: nothing to undo
                    order.moveTo(OrderStatus.CANCELLED, OrderEvents.CANCELLED, now);
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
}
