package dev.orderflow.order.repository;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.store.StoreIndexes;
import dev.orderflow.order.config.OrderConfig;
import io.smallrye.mutiny.Uni;

/**
 * The indexes the order service's queries need (the recovery loop's, the listings'), created at start-up before it
 * consumes ({@link dev.orderflow.common.store.IndexesAtStart}).
 */
@ApplicationScoped
public class OrderIndexes implements StoreIndexes {

    private final OrderRepository orders;
    private final IdempotencyKeyRepository keys;
    private final Duration keyTtl;

    public OrderIndexes(OrderRepository orders, IdempotencyKeyRepository keys, OrderConfig config) {
        this.orders = orders;
        this.keys = keys;
        this.keyTtl = config.idempotencyKeys().ttl();
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(
                orders.mongoCollection().createIndex(Indexes.ascending("status", "saga.deadline")),
                orders.mongoCollection().createIndex(Indexes.ascending(Outbox.FIELD + ".since")),
                // the listings (Paging.NEWEST_FIRST): a customer's orders, and everyone's, walked in their order
                orders.mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("createdAt", "_id"))),
                orders.mongoCollection().createIndex(Indexes.descending("createdAt", "_id")),
                // the store forgets a key order.idempotency-keys.ttl after it was made (changing the TTL of an existing
                // database is a collMod, not a new index)
                keys.mongoCollection().createIndex(Indexes.ascending("createdAt"),
                        new IndexOptions().expireAfter(keyTtl.toSeconds(), TimeUnit.SECONDS)));
    }

    /** The listings' indexes before they had the id, which the sort ends with: a MongoDB sorted the pages in memory. */
    @Override
    public List<Uni<Void>> superseded() {
        return List.of(StoreIndexes.drop(orders.mongoCollection(), "customerId_-1_createdAt_-1"),
                StoreIndexes.drop(orders.mongoCollection(), "createdAt_-1"));
    }
}
