package dev.orderflow.order.repository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.orderflow.order.Order;
import dev.orderflow.order.config.OrderConfig;

/**
 * The orders whose saga this instance moved last, as it stored them, so that the next reply does not read the order
 * back from the store first. Safe without locks because an order is <em>taken</em> out of the cache for a change and
 * only put back once that change is stored: two changes of one order never hold the same object, and the second
 * reads the store. A copy may still be stale (another replica changed the order): the change then fails on the
 * version condition, and the retry reads the store. Only orders whose saga runs are kept; the oldest go first.
 */
@ApplicationScoped
public class OrderCache {

    private final int capacity;
    private final Map<String, Order> orders;

    @Inject
    public OrderCache(OrderConfig config) {
        this(config.saga().cachedOrders());
    }

    OrderCache(int capacity) {
        this.capacity = capacity;
        this.orders = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The order as this instance last stored it, now owned by the caller; empty when the store must be asked. */
    public synchronized Optional<Order> take(String orderId) {
        return Optional.ofNullable(orders.remove(orderId));
    }

    /** Hands a stored order back, for its saga's next change; an order whose saga has ended is not kept. */
    public synchronized void put(Order order) {
        if (capacity > 0 && order.saga.phase != null && !order.saga.phase.isFinished()) {
            orders.put(order.id, order);
        }
    }

    synchronized int size() {
        return orders.size();
    }
}
