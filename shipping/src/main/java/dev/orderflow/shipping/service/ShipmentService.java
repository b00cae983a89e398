package dev.orderflow.shipping.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.config.ShippingConfig;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.smallrye.mutiny.Uni;

/**
 * The two saga commands, schedule and cancel. The order's one shipment document records each command's outcome: the
 * first command to reach an order inserts it (the unique index on {@code orderId} settles races between duplicates),
 * later ones read it, and the only change a command makes to it, cancelling, is one conditional update on its status.
 * Replies are read from the document ({@link ShipmentReplies}), so a repeated command gets the same reply.
 */
@ApplicationScoped
public class ShipmentService {

    private static final Logger LOG = Logger.getLogger(ShipmentService.class);

    private final ShipmentRepository shipments;
    private final ShippingCost cost;
    private final CarrierRule carriers;
    private final Set<String> servedCountries;
    private final ShippingMetrics metrics;
    private final Clock clock;

    public ShipmentService(ShipmentRepository shipments, ShippingMetrics metrics, ShippingConfig config, Clock clock) {
        this.shipments = shipments;
        this.metrics = metrics;
        this.cost = ShippingCost.of(config.rates());
        this.carriers = new CarrierRule(config.homeCountry());
        this.servedCountries = Set.copyOf(config.servedCountries());
        this.clock = clock;
    }

    /**
     * shipping.schedule: books a carrier, or refuses the destination. Replies ShipmentScheduled or ShipmentRejected. The
     * booking is inserted at once: a repeated command (or a cancel that came first) meets the order's unique index,
     * and the stored shipment gives the reply.
     */
    public Uni<Object> schedule(ScheduleShipment command) {
        return book(command).map(ShipmentReplies::schedule);
    }

    /**
     * shipping.cancel: calls the parcel off unless it has left. For an order shipping never saw, stores a cancelled
     * tombstone, so a schedule command arriving late is refused. Replies ShipmentCancelled or TooLateToCancel.
     */
    public Uni<Object> cancel(String orderId) {
        return shipments.findByOrder(orderId)
                .chain(found -> found != null ? cancel(found) : closeUnscheduled(orderId))
                .map(ShipmentReplies::cancel);
    }

    private Uni<Shipment> book(ScheduleShipment command) {
        Shipment shipment = decide(command);
        return shipments.persist(shipment)
                .invoke(ShipmentService::log)
                .invoke(metrics::booked)
                // a duplicate of the command (or a cancel) got there first: its outcome stands
                .onFailure(MongoSupport::isDuplicateKey)
                .recoverWithUni(() -> shipments.findByOrder(command.orderId()));
    }

    /** The shipment a schedule command asks for: booked, or rejected with the reason. */
    private Shipment decide(ScheduleShipment command) {
        Instant now = clock.instant();
        Shipment shipment = Shipment.forOrder(command.orderId(), now);
        shipment.customerId = command.customerId();
        shipment.address = Shipment.Destination.of(command.address());
        shipment.lines = command.lines().stream().map(Shipment.Line::of).toList();
        Optional<String> invalid = AddressCheck.problems(command.address());
        if (invalid.isPresent()) {
            return rejected(shipment, ShipmentRejected.Reason.INVALID_ADDRESS, invalid.get(), now);
        }
        String country = command.address().country();
        if (!servedCountries.contains(country)) {
            return rejected(shipment, ShipmentRejected.Reason.UNSUPPORTED_DESTINATION,
                    "shipping does not deliver to " + country, now);
        }
        Carrier carrier = carriers.forCountry(country);
        shipment.status = ShipmentStatus.SCHEDULED;
        shipment.carrier = carrier.name();
        shipment.trackingNumber = carrier.trackingNumber(shipment.id);
        shipment.cost = cost.of(command.lines(), command.goodsValue(), command.currency());
        shipment.currency = cost.currency();
        shipment.estimatedDelivery = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(carrier.transitDays());
        shipment.scheduledAt = now;
        return shipment;
    }

    private static Shipment rejected(Shipment shipment, ShipmentRejected.Reason reason, String detail, Instant now) {
        shipment.status = ShipmentStatus.REJECTED;
        shipment.rejectionReason = reason;
        shipment.rejectionDetail = detail;
        shipment.rejectedAt = now;
        return shipment;
    }

    /** A scheduled shipment becomes cancelled; any other is left as it is, for the reply to say why. */
    private Uni<Shipment> cancel(Shipment shipment) {
        if (shipment.status != ShipmentStatus.SCHEDULED) {
            return Uni.createFrom().item(shipment);
        }
        Instant now = clock.instant();
        return shipments.mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", shipment.id), Filters.eq("status", ShipmentStatus.SCHEDULED)),
                Updates.combine(Updates.set("status", ShipmentStatus.CANCELLED), Updates.set("cancelledAt", now),
                        Updates.set("updatedAt", now)),
                MongoSupport.RETURN_AFTER)
                .chain(cancelled -> {
                    if (cancelled == null) {
                        // the carrier picked it up meanwhile, or a duplicate cancel won: answer from what it is now
                        return shipments.findById(shipment.id).chain(this::cancel);
                    }
                    LOG.infof("Order %s: shipment %s cancelled", cancelled.orderId, cancelled.id);
                    return Uni.createFrom().item(cancelled);
                });
    }

    private Uni<Shipment> closeUnscheduled(String orderId) {
        Instant now = clock.instant();
        Shipment tombstone = Shipment.forOrder(orderId, now);
        tombstone.status = ShipmentStatus.CANCELLED;
        tombstone.cancelledAt = now;
        return shipments.persist(tombstone)
                .invoke(() -> LOG.infof("Order %s: shipping closed before anything was scheduled", orderId))
                // the schedule command (or a duplicate cancel) got there first: cancel what it stored
                .onFailure(MongoSupport::isDuplicateKey)
                .recoverWithUni(() -> shipments.findByOrder(orderId).chain(this::cancel));
    }

    private static void log(Shipment shipment) {
        if (shipment.status == ShipmentStatus.SCHEDULED) {
            LOG.infof("Order %s: shipment %s scheduled with %s to %s, %s %s", shipment.orderId, shipment.id,
                    shipment.carrier, shipment.address.country, shipment.cost, shipment.currency);
        } else {
            LOG.infof("Order %s: shipment rejected (%s): %s", shipment.orderId, shipment.rejectionReason,
                    shipment.rejectionDetail);
        }
    }
}
