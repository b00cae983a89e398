package dev.orderflow.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/** Creates the indexes the queries need, at start; creating an existing index does nothing. */
@ApplicationScoped
public class InventoryIndexes {

    private static final Logger LOG = Logger.getLogger(InventoryIndexes.class);

    private final ProductRepository products;
    private final ReservationRepository reservations;

    public InventoryIndexes(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
    }

    void onStart(@Observes StartupEvent start) {
        Uni.combine().all().unis(
                products.mongoCollection().createIndex(Indexes.ascending("category")),
                products.mongoCollection().createIndex(Indexes.ascending("holds.at")),
                reservations.mongoCollection().createIndex(Indexes.ascending("status", "expiresAt")))
                .discardItems()
                .subscribe()
                .with(done -> LOG.debug("Indexes in place"), failure -> LOG.errorf(failure, "Could not create indexes"));
    }
}
