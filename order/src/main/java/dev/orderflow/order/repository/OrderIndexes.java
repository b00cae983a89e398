package dev.orderflow.order.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.store.StoreIndexes;
import io.smallrye.mutiny.Uni;

/**
 * The indexes the order service's queries need (the recovery loop's, the listings'), created at start-up before it
 * consumes ({@link dev.orderflow.common.store.IndexesAtStart}).
 */
@ApplicationScoped
public class OrderIndexes implements StoreIndexes {

    private final OrderRepository orders;

    public OrderIndexes(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(
                orders.mongoCollection().createIndex(Indexes.ascending("status", "saga.deadline")),
                orders.mongoCollection().createIndex(Indexes.ascending(Outbox.FIELD + ".since")),
                orders.mongoCollection().createIndex(Indexes.descending("customerId", "createdAt")),
                orders.mongoCollection().createIndex(Indexes.descending("createdAt")));
    }
}
