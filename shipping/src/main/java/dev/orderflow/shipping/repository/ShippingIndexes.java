package dev.orderflow.shipping.repository;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.MongoSupport;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates shipping's indexes before it starts consuming commands. The unique index on {@code orderId} is what makes
 * commands idempotent: the first command to reach an order inserts its shipment, a duplicate fails on the index.
 */
@ApplicationScoped
public class ShippingIndexes {

    private static final Logger LOG = Logger.getLogger(ShippingIndexes.class);

    private final ShipmentRepository shipments;

    public ShippingIndexes(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    void onStart(@Observes @Priority(MongoSupport.BEFORE_MESSAGING) StartupEvent start) {
        create().await().atMost(MongoSupport.INDEX_CREATION_TIMEOUT);
        LOG.debug("Indexes in place");
    }

    Uni<Void> create() {
        return Uni.combine().all().unis(
                shipments.mongoCollection().createIndex(Indexes.ascending("orderId"), new IndexOptions().unique(true)),
                // the listings: newest first, of one status or of all
                shipments.mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createdAt", "_id"))),
                shipments.mongoCollection().createIndex(Indexes.descending("createdAt", "_id")))
                .discardItems();
    }
}
