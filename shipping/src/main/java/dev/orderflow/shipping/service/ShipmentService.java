package dev.orderflow.shipping.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.http.TransientHttpException;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.config.ShippingConfig;
import dev.orderflow.shipping.gateway.CarrierGateway;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.smallrye.mutiny.Uni;

/**
 * The two saga commands, schedule and cancel. The order's one shipment document records each command's outcome: the
 * first command to reach an order inserts it (the unique index on {@code orderId} settles races between duplicates),
 * later ones read it, and the only change a command makes to it, cancelling, is one conditional update on its status.
 * Replies are read from the document ({@link ShipmentReplies}), so a repeated command gets the same reply.
 * <p>
 * The parcel is booked with the carrier over HTTP ({@link CarrierGateway}): its label, tracking number and estimated
 * delivery are the carrier's answer. When the carrier cannot be reached even after the client's retries
 * ({@link CarrierGateway.CarrierUnavailable}), the command fails and the broker redelivers it (then parks it): never a
 * rejection, as nothing is known of the booking.
 */
@ApplicationScoped
public class ShipmentService {

    private static final Logger LOG = Logger.getLogger(ShipmentService.class);

    private final ShipmentRepository shipments;
    private final CarrierGateway carrier;
    private final ShippingCost cost;
    private final CarrierRule carriers;
    private final Set<String> servedCountries;
    private final ShippingMetrics metrics;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public ShipmentService(ShipmentRepository shipments, CarrierGateway carrier, ShippingMetrics metrics,
            ShippingConfig config, Clock clock, StoreRetry storeRetry) {
        this.shipments = shipments;
        this.carrier = carrier;
        this.metrics = metrics;
        this.cost = ShippingCost.of(config.rates());
        this.carriers = new CarrierRule(config.homeCountry());
        this.servedCountries = Set.copyOf(config.servedCountries());
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /**
     * shipping.schedule: books the parcel with a carrier, or refuses the destination (or the carrier does). Replies
     * ShipmentScheduled or ShipmentRejected. The booking is inserted at once, once the carrier answered: a repeated
     * command (or a cancel that came first) meets the order's unique index, and the stored shipment gives the reply;
     * one that cannot reach the carrier is answered from the stored shipment, when there is one.
     */
    public Uni<Object> schedule(ScheduleShipment command) {
        return book(command).map(ShipmentReplies::schedule);
    }

    /**
     * shipping.cancel: calls the parcel off unless it has left, and its label at the carrier. For an order shipping
     * never saw, stores a cancelled tombstone, so a schedule command arriving late is refused. Replies
     * ShipmentCancelled or TooLateToCancel.
     */
    public Uni<Object> cancel(String orderId) {
        return shipments.findByOrder(orderId)
                .chain(found -> found != null ? cancel(found) : closeUnscheduled(orderId))
                .map(ShipmentReplies::cancel);
    }

    /**
     * The label is booked before the shipment is stored, under the order id as idempotency key. A crash in between
     * leaves a label and no shipment: the command, not acknowledged, is redelivered, asks the carrier again under the
     * same key and gets the same label, so the order never has two labels, and its shipment is stored once, complete,
     * with the carrier's tracking number. (Storing first would need a shipment without its label, a status no reply
     * can be given from, and a second write.) A label the stored shipment does not hold (a cancel came first and
     * closed the order) is called off before the reply.
     */
    private Uni<Shipment> book(ScheduleShipment command) {
        Shipment shipment = decide(command);
        if (shipment.status == ShipmentStatus.REJECTED) {
            return store(shipment);
        }
        var request = new CarrierGateway.LabelRequest(shipment.orderId, shipment.carrier, command.address());
        return carrier.createLabel(request).chain(result -> {
            if (result instanceof CarrierGateway.Labelled label) {
                return store(scheduled(shipment, command, label)).chain(stored -> Objects.equals(stored.labelId,
                        label.labelId()) ? Uni.createFrom().item(stored) : cancelLabel(stored, label.labelId()));
            }
            if (result instanceof CarrierGateway.Refused refused) {
                // nothing was booked: as for any rejection, no carrier is recorded (the detail names the one that refused)
                shipment.carrier = null;
                return store(rejected(shipment, refused.reason(), refused.detail(), clock.instant()));
            }
            return storedOr(shipment.orderId, unavailable(shipment.orderId, (CarrierGateway.CarrierUnavailable) result));
        });
    }

    /**
     * The carrier cannot be reached: a repeated command whose shipment is stored (booked, or closed by a cancel) is
     * answered from it as if the carrier had answered again; otherwise the command fails, to be handled again.
     */
    private Uni<Shipment> storedOr(String orderId, TransientHttpException failure) {
        return shipments.findByOrder(orderId).onItem().ifNull().failWith(() -> failure);
    }

    private Uni<Shipment> store(Shipment shipment) {
        return shipments.persist(shipment)
                .invoke(ShipmentService::log)
                .invoke(metrics::booked)
                // a duplicate of the command (or a cancel) got there first: its outcome stands
                .onFailure(MongoSupport::isDuplicateKey)
                .recoverWithUni(() -> shipments.findByOrder(shipment.orderId));
    }

    /** The shipment a schedule command asks for: rejected with the reason, or to be booked with the carrier named. */
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
        shipment.carrier = carriers.forCountry(country);
        return shipment;
    }

    /** The shipment booked: the carrier's label, tracking number and estimated delivery, and what it costs. */
    private Shipment scheduled(Shipment shipment, ScheduleShipment command, CarrierGateway.Labelled label) {
        shipment.status = ShipmentStatus.SCHEDULED;
        shipment.labelId = label.labelId();
        shipment.trackingNumber = label.trackingNumber();
        shipment.estimatedDelivery = label.estimatedDelivery();
        shipment.cost = cost.of(command.lines(), command.goodsValue(), command.currency());
        shipment.currency = cost.currency();
        shipment.scheduledAt = clock.instant();
        shipment.updatedAt = shipment.scheduledAt;
        return shipment;
    }

    private static Shipment rejected(Shipment shipment, ShipmentRejected.Reason reason, String detail, Instant now) {
        shipment.status = ShipmentStatus.REJECTED;
        shipment.rejectionReason = reason;
        shipment.rejectionDetail = detail;
        shipment.rejectedAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    /**
     * A scheduled shipment becomes cancelled, then its label is called off at the carrier; any other is left as it
     * is, for the reply to say why. The shipment is cancelled first: from then on the carrier's reports cannot move it
     * on, and the label follows. A cancel redelivered after that (the carrier was unavailable) finds it cancelled and
     * calls the label off again, which the carrier answers as the first time.
     */
    private Uni<Shipment> cancel(Shipment shipment) {
        if (shipment.status == ShipmentStatus.CANCELLED && shipment.labelId != null) {
            return cancelLabel(shipment, shipment.labelId);
        }
        if (shipment.status != ShipmentStatus.SCHEDULED) {
            return Uni.createFrom().item(shipment);
        }
        Instant now = clock.instant();
        return storeRetry.call(() -> shipments.mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", shipment.id), Filters.eq("status", ShipmentStatus.SCHEDULED)),
                Updates.combine(Updates.set("status", ShipmentStatus.CANCELLED), Updates.set("cancelledAt", now),
                        Updates.set("updatedAt", now)),
                MongoSupport.RETURN_AFTER))
                .chain(cancelled -> {
                    if (cancelled == null) {
                        // the carrier picked it up meanwhile, or a duplicate cancel won: answer from what it is now
                        return shipments.findById(shipment.id).chain(this::cancel);
                    }
                    LOG.infof("Order %s: shipment %s cancelled", cancelled.orderId, cancelled.id);
                    return cancelled.labelId == null ? Uni.createFrom().item(cancelled)
                            : cancelLabel(cancelled, cancelled.labelId);
                });
    }

    /** Calls the label off at the carrier, then answers the shipment as it is; fails while the carrier is unavailable. */
    private Uni<Shipment> cancelLabel(Shipment shipment, String labelId) {
        return carrier.cancelLabel(new CarrierGateway.CancelRequest(shipment.orderId, labelId)).chain(result -> {
            if (result instanceof CarrierGateway.CarrierUnavailable unavailable) {
                return Uni.createFrom().failure(unavailable(shipment.orderId, unavailable));
            }
            LOG.infof("Order %s: label %s of shipment %s called off at the carrier", shipment.orderId, labelId, shipment.id);
            return Uni.createFrom().item(shipment);
        });
    }

    /** The carrier stayed unavailable: the command fails, to be tried again; never a rejection. */
    private static TransientHttpException unavailable(String orderId, CarrierGateway.CarrierUnavailable unavailable) {
        return new TransientHttpException("carrier unavailable for order " + orderId + ": " + unavailable.cause());
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
            LOG.infof("Order %s: shipment %s scheduled with %s to %s, %s %s, tracking number %s", shipment.orderId,
                    shipment.id, shipment.carrier, shipment.address.country, shipment.cost, shipment.currency,
                    shipment.trackingNumber);
        } else {
            LOG.infof("Order %s: shipment rejected (%s): %s", shipment.orderId, shipment.rejectionReason,
                    shipment.rejectionDetail);
        }
    }
}
