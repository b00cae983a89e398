package dev.orderflow.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.store.Paging;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.smallrye.mutiny.Uni;

/** Shipments as operators and the order service look them up. */
@ApplicationScoped
public class ShipmentQueries {

    private final ShipmentRepository shipments;
    private final StoreRetry storeRetry;

    public ShipmentQueries(ShipmentRepository shipments, StoreRetry storeRetry) {
        this.shipments = shipments;
        this.storeRetry = storeRetry;
    }

    /** Shipments newest first, of the order and in the status given; a null filter matches all. */
    public Uni<Page<Shipment>> list(String orderId, ShipmentStatus status, int page, int size) {
        var filter = Paging.filter().eq("orderId", orderId).eq("status", status);
        return Paging.page(storeRetry, shipments.find(filter.toDocument(), Paging.NEWEST_FIRST), page, size);
    }

    public Uni<Shipment> get(String id) {
        return shipments.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No shipment with id " + id));
    }
}
