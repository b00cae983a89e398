package dev.orderflow.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.security.Caller;
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

    /** Shipments newest first, of the order and in the status given; a customer's are their own only. */
    public Uni<Page<Shipment>> list(Caller caller, String orderId, ShipmentStatus status, int page, int size) {
        var filter = Paging.filter().eq("customerId", caller.listedCustomer(null)).eq("orderId", orderId)
                .eq("status", status);
        return Paging.page(storeRetry, shipments.find(filter.toDocument(), Paging.NEWEST_FIRST), page, size);
    }

    /** The shipment, if the caller may see it; else 404, as for a shipment that does not exist. */
    public Uni<Shipment> get(Caller caller, String id) {
        return caller.ifSees(shipments.findById(id), shipment -> shipment.customerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No shipment with id " + id));
    }
}
