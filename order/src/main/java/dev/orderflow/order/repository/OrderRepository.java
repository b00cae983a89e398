package dev.orderflow.order.repository;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.order.Order;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrderRepository implements ReactivePanacheMongoRepositoryBase<Order, String> {

    /**
     * Replaces the stored order if it is still at {@code expectedVersion}; fails with {@link ConcurrentChangeException}
     * when another worker changed it first.
     */
    public Uni<Order> replace(Order order, long expectedVersion) {
        return mongoCollection()
                .replaceOne(Filters.and(Filters.eq("_id", order.id), Filters.eq("version", expectedVersion)), order)
                .map(result -> {
                    if (result.getMatchedCount() == 0) {
                        throw new ConcurrentChangeException(order.id);
                    }
                    return order;
                });
    }

    /** Records that an event left for the broker; no version change, the event is out whatever else changes. */
    public Uni<Void> eventPublished(String orderId, String type) {
        return mongoCollection().updateOne(Filters.eq("_id", orderId), Updates.pull("pendingEvents", type)).replaceWithVoid();
    }
}
