package dev.orderflow.inventory.repository;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.MongoSupport;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates the indexes inventory's queries need, before it starts consuming commands; creating an existing index does
 * nothing.
 */
@ApplicationScoped
public class InventoryIndexes {

    private static final Logger LOG = Logger.getLogger(InventoryIndexes.class);

    private final ProductRepository products;
    private final ReservationRepository reservations;

    public InventoryIndexes(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
    }

    void onStart(@Observes @Priority(MongoSupport.BEFORE_MESSAGING) StartupEvent start) {
        create().await().atMost(MongoSupport.INDEX_CREATION_TIMEOUT);
        LOG.debug("Indexes in place");
    }

    Uni<Void> create() {
        return Uni.combine().all().unis(
                products.mongoCollection().createIndex(Indexes.ascending("category")),
                products.mongoCollection().createIndex(Indexes.ascending("holds.at")),
                products.mongoCollection().createIndex(Indexes.ascending("lowStockAlertPendingSince")),
                reservations.mongoCollection().createIndex(Indexes.ascending("status", "expiresAt")),
                reservations.mongoCollection().createIndex(Indexes.ascending("expiryEventPending", "closedAt")))
                .discardItems();
    }
}
