package dev.orderflow.shipping.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.messaging.ShippingEvents;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The carrier's reports: a shipment moves forward (dispatched, in transit, delivered) and each move is announced by an
 * event. The move and the event's pending mark are one conditional update, on the expected status; the mark is cleared
 * once the broker confirmed the event. What stays marked (the broker was down, the service crashed) is published
 * again by {@link ShipmentSweeper}, under the same message id.
 */
@ApplicationScoped
public class CarrierUpdates {

    /** The statuses a carrier reports, each with its event. */
    private static final List<ShipmentStatus> CARRIER_STATUSES = Arrays.stream(ShipmentStatus.values())
            .filter(ShipmentStatus::hasLeft)
            .toList();
    /** How long a carrier's request waits for the broker at most: past it, the sweep publishes the event. */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(CarrierUpdates.class);

    private final ShipmentRepository shipments;
    private final ShippingEvents events;
    private final Clock clock;

    public CarrierUpdates(ShipmentRepository shipments, ShippingEvents events, Clock clock) {
        this.shipments = shipments;
        this.events = events;
        this.clock = clock;
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
                Updates.set(pendingField(status), now), Updates.set("updatedAt", now));
        return shipments.mongoCollection().findOneAndUpdate(expected, moved, MongoSupport.RETURN_AFTER).chain(updated -> {
            if (updated == null) {
                // another report or a cancel moved it first: judge this one against where it is now
                return shipments.findById(shipment.id).chain(current -> moveTo(current, status));
            }
            LOG.infof("Order %s: shipment %s %s -> %s", updated.orderId, updated.id, shipment.status, status);
            return publish(updated, status).replaceWith(updated);
        });
    }

    /** Publishes again the events still unconfirmed that were marked before {@code before}, oldest status first. */
    public Uni<Void> republishPending(Instant before) {
        Bson stale = Filters.or(CARRIER_STATUSES.stream().map(status -> Filters.lt(pendingField(status), before)).toList());
        return shipments.list(stale)
                .onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToMultiAndConcatenate(shipment -> Multi.createFrom().iterable(CARRIER_STATUSES)
                        .filter(status -> isPendingSince(shipment, status, before))
                        .map(status -> new PendingEvent(shipment, status)))
                .onItem().transformToUniAndConcatenate(pending -> publish(pending.shipment(), pending.status()))
                .collect().last().replaceWithVoid();
    }

    private record PendingEvent(Shipment shipment, ShipmentStatus status) {
    }

    private static boolean isPendingSince(Shipment shipment, ShipmentStatus status, Instant before) {
        Instant since = shipment.eventPendingSince.get(status.name());
        return since != null && since.isBefore(before);
    }

    /** Publishes the event of a status the shipment reached, then clears its mark. Never fails: the sweep retries. */
    private Uni<Void> publish(Shipment shipment, ShipmentStatus status) {
        return events.progress(shipment, status)
                .ifNoItem().after(CONFIRM_TIMEOUT).fail()
                .chain(() -> shipments.mongoCollection().updateOne(Filters.eq("_id", shipment.id),
                        Updates.unset(pendingField(status))))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Order %s: event %s of shipment %s not confirmed yet (%s); the sweep will publish it",
                            shipment.orderId, status, shipment.id, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private static String pendingField(ShipmentStatus status) {
        return "eventPendingSince." + status.name();
    }
}
