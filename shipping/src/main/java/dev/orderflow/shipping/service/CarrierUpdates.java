package dev.orderflow.shipping.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.messaging.ShipmentOutbox;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.smallrye.mutiny.Uni;

/**
 * The carrier's reports: a shipment moves forward (dispatched, in transit, delivered) and each move is announced by an
 * event. The move and its pending event are one conditional update, on the expected status; the event is taken out of
 * the shipment's outbox once the broker confirmed it. What stays there (the broker was down, the service crashed) is
 * published by the outbox sweep ({@link dev.orderflow.common.outbox.OutboxSweeper}), under the same message id.
 */
@ApplicationScoped
public class CarrierUpdates {

    /** How long a carrier's request waits for the broker at most: past it, the sweep publishes the event. */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(CarrierUpdates.class);

    private final ShipmentRepository shipments;
    private final ShipmentOutbox outbox;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public CarrierUpdates(ShipmentRepository shipments, ShipmentOutbox outbox, Clock clock, StoreRetry storeRetry) {
        this.shipments = shipments;
        this.outbox = outbox;
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /**
     * Moves the shipment to {@code status} (one a carrier reports: dispatched, in transit, delivered) and publishes its
     * event. Reporting the current status again changes and publishes nothing. 404 for an unknown shipment, 409 for a
     * move the shipment cannot make.
     */
    public Uni<Shipment> report(String shipmentId, ShipmentStatus status) {
        return shipments.findById(shipmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No shipment with id " + shipmentId))
                .chain(shipment -> moveTo(shipment, status));
    }

    private Uni<Shipment> moveTo(Shipment shipment, ShipmentStatus status) {
        if (shipment.status == status) {
            return Uni.createFrom().item(shipment);
        }
        if (!shipment.status.canBecome(status)) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "Shipment " + shipment.id + " is " + shipment.status + ": it cannot become " + status));
        }
        Instant now = clock.instant();
        Bson expected = Filters.and(Filters.eq("_id", shipment.id), Filters.eq("status", shipment.status));
        Bson moved = Updates.combine(Updates.set("status", status), Updates.set(Shipment.reachedAtField(status), now),
                Updates.set("updatedAt", now), Outbox.add(ShipmentOutbox.progress(shipment.id, status, now)));
        return storeRetry.call(() -> shipments.mongoCollection().findOneAndUpdate(expected, moved, MongoSupport.RETURN_AFTER))
                .chain(updated -> {
                    if (updated == null) {
                        // another report or a cancel moved it first: judge this one against where it is now
                        return shipments.findById(shipment.id).chain(current -> moveTo(current, status));
                    }
                    LOG.infof("Order %s: shipment %s %s -> %s", updated.orderId, updated.id, shipment.status, status);
                    return publish(updated).replaceWith(updated);
                });
    }

    /** Publishes the shipment's pending events, waiting at most {@link #CONFIRM_TIMEOUT}. Never fails. */
    private Uni<Void> publish(Shipment shipment) {
        return outbox.publish(shipment)
                .ifNoItem().after(CONFIRM_TIMEOUT).recoverWithItem(() -> {
                    LOG.warnf("Order %s: events of shipment %s not confirmed within %s; the outbox sweep publishes them",
                            shipment.orderId, shipment.id, CONFIRM_TIMEOUT);
                    return null;
                });
    }
}
