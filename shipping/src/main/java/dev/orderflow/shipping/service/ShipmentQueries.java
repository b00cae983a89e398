package dev.orderflow.shipping.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.repository.ShipmentRepository;
import dev.orderflow.shipping.rest.ShipmentView;
import io.smallrye.mutiny.Uni;

/** Shipments as operators and the order service look them up. */
@ApplicationScoped
public class ShipmentQueries {

    /** Newest first; the id breaks ties, so pages neither repeat nor skip a shipment. */
    static final Document NEWEST_FIRST = new Document("createdAt", -1).append("_id", -1);

    private final ShipmentRepository shipments;

    public ShipmentQueries(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    public Uni<Page<ShipmentView>> list(Optional<String> orderId, Optional<ShipmentStatus> status, int page, int size) {
        Document query = new Document();
        orderId.ifPresent(value -> query.append("orderId", value));
        status.ifPresent(value -> query.append("status", value.name()));
        var found = shipments.find(query, NEWEST_FIRST);
        return Uni.combine().all()
                .unis(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), found.count())
                .with((items, total) -> new Page<>(items.stream().map(ShipmentView::of).toList(), page, size, total));
    }

    public Uni<ShipmentView> get(String id) {
        return shipments.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No shipment with id " + id))
                .map(ShipmentView::of);
    }
}
