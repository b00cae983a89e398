package dev.orderflow.shipping.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.store.StoreIndexes;
import io.smallrye.mutiny.Uni;

/**
 * The indexes shipping needs, created at start-up before it consumes commands
 * ({@link dev.orderflow.common.store.IndexesAtStart}). The unique index on {@code orderId} is what makes
 * commands idempotent: the first command to reach an order inserts its shipment, a duplicate fails on the index.
 */
@ApplicationScoped
public class ShippingIndexes implements StoreIndexes {

    private final ShipmentRepository shipments;

    public ShippingIndexes(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(
                shipments.mongoCollection().createIndex(Indexes.ascending("orderId"), new IndexOptions().unique(true)),
                // the listings: newest first, of one status or of all
                shipments.mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createdAt", "_id"))),
                shipments.mongoCollection().createIndex(Indexes.descending("createdAt", "_id")),
                // the outbox sweep: the events waiting the longest first
                shipments.mongoCollection().createIndex(Indexes.ascending(Outbox.FIELD + ".since")));
    }
}
