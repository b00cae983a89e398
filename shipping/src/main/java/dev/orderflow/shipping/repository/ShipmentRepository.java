package dev.orderflow.shipping.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.shipping.Shipment;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class ShipmentRepository implements ReactivePanacheMongoRepositoryBase<Shipment, String> {

    /** The order's shipment; null when shipping never heard of the order. */
    public Uni<Shipment> findByOrder(String orderId) {
        return find("orderId", orderId).firstResult();
    }

}
