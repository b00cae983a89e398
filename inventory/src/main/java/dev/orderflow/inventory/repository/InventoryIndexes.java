package dev.orderflow.inventory.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Indexes;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.store.StoreIndexes;
import io.smallrye.mutiny.Uni;

/**
 * The indexes inventory's queries need, created at start-up before it consumes commands
 * ({@link dev.orderflow.common.store.IndexesAtStart}).
 */
@ApplicationScoped
public class InventoryIndexes implements StoreIndexes {

    private final ProductRepository products;
    private final ReservationRepository reservations;

    public InventoryIndexes(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(
                products.mongoCollection().createIndex(Indexes.ascending("category")),
                products.mongoCollection().createIndex(Indexes.ascending("holds.at")),
                products.mongoCollection().createIndex(Indexes.ascending(Outbox.FIELD + ".since")),
                reservations.mongoCollection().createIndex(Indexes.ascending("status", "expiresAt")),
                reservations.mongoCollection().createIndex(Indexes.ascending(Outbox.FIELD + ".since")));
    }
}
