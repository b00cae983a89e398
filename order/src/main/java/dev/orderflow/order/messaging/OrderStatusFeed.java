package dev.orderflow.order.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;

/**
 * The status changes this instance stores, pushed in-process to whoever listens to the order (its open
 * {@code GET /orders/{id}/events} streams). {@code OrderSagaRunner.change}, the path every change of a stored order
 * takes, pushes each new status once it is stored and before the commands it decided are sent: a status that lasts
 * only until the next reply (COMPENSATING) is pushed like any other, and the changes of one order are pushed in the
 * order they were stored. A change stored by another replica is not pushed here; the streams catch up by reading.
 */
@ApplicationScoped
public class OrderStatusFeed {

    private static final Logger LOG = Logger.getLogger(OrderStatusFeed.class);

    /** An order's status as one stored change left it, copied: the order itself changes on. */
    public record Change(String orderId, long version, OrderStatus status, CancellationReason reason, Instant at,
            List<Order.HistoryEntry> history) {

        public static Change of(Order order) {
            return new Change(order.id, order.version, order.status, order.cancellationReason, order.updatedAt,
                    List.copyOf(order.history));
        }
    }

    private final Map<String, List<Consumer<Change>>> listeners = new ConcurrentHashMap<>();

    /**
     * Hands the stored order's new status to its listeners, on the caller's thread; nothing to do when none listens. A
     * listener that fails is logged: the change is stored, and a stream cannot undo it.
     */
    public void push(Order stored) {
        List<Consumer<Change>> following = listeners.get(stored.id);
        if (following == null) {
            return;
        }
        Change change = Change.of(stored);
        for (Consumer<Change> listener : following) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Order %s: status %s not pushed to one of its streams", stored.id, stored.status);
            }
        }
    }

    /**
     * Hands {@code listener} every status of the order pushed from now on, until the returned action is run. A change
     * stored before this call is not pushed to it: read the order after listening, not before, to miss none.
     */
    public Runnable listen(String orderId, Consumer<Change> listener) {
        listeners.compute(orderId, (id, following) -> {
            List<Consumer<Change>> list = following == null ? new CopyOnWriteArrayList<>() : following;
            list.add(listener);
            return list;
        });
        return () -> listeners.computeIfPresent(orderId, (id, following) -> {
            following.remove(listener);
            return following.isEmpty() ? null : following;
        });
    }
}
