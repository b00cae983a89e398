package dev.orderflow.order.repository;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.MongoSupport;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates the indexes the order service's queries need (the recovery loop's, the listings'), before it starts consuming;
 * creating an existing index does nothing.
 */
@ApplicationScoped
public class OrderIndexes {

    private static final Logger LOG = Logger.getLogger(OrderIndexes.class);

    private final OrderRepository orders;

    public OrderIndexes(OrderRepository orders) {
        this.orders = orders;
    }

    void onStart(@Observes @Priority(MongoSupport.BEFORE_MESSAGING) StartupEvent start) {
        create().await().atMost(MongoSupport.INDEX_CREATION_TIMEOUT);
        LOG.debug("Indexes in place");
    }

    Uni<Void> create() {
        return Uni.combine().all().unis(
                orders.mongoCollection().createIndex(Indexes.ascending("status", "saga.deadline")),
                orders.mongoCollection().createIndex(Indexes.ascending("pendingEvents")),
                orders.mongoCollection().createIndex(Indexes.descending("customerId", "createdAt")),
                orders.mongoCollection().createIndex(Indexes.descending("createdAt")))
                .discardItems();
    }
}
