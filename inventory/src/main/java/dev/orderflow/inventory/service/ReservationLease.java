package dev.orderflow.inventory.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.config.InventoryConfig;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.smallrye.mutiny.Uni;

/**
 * One worker at a time on a reservation: the worker takes the lease ({@code leaseOwner} until {@code leaseUntil})
 * with a conditional update, every change it makes is conditional on still holding it, and a settled status gives it
 * back in the same write. A lease that ran out (its worker died) can be taken by the next one.
 */
@ApplicationScoped
public class ReservationLease {

    private static final Logger LOG = Logger.getLogger(ReservationLease.class);
    /** How long before its lease runs out a worker stops touching stock and lets the next one finish. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final ReservationRepository reservations;
    private final Duration lease;
    private final Clock clock;

    public ReservationLease(ReservationRepository reservations, InventoryConfig config, Clock clock) {
        this.reservations = reservations;
        this.lease = config.reservations().lease();
        this.clock = clock;
    }

    /** Gives a reservation about to be inserted to this worker: it holds the lease from the start. */
    void grant(Reservation reservation, Instant now) {
        reservation.leaseOwner = UUID.randomUUID().toString();
        reservation.leaseUntil = now.plus(lease);
    }

    /**
     * Runs {@code work} on the reservation as its only worker, and gives the lease back when it ends. Waits, within
     * the lease time, for another worker to finish.
     */
    Uni<Reservation> run(String orderId, Function<Reservation, Uni<Reservation>> work) {
        return Uni.createFrom().deferred(() -> {
            String owner = UUID.randomUUID().toString();
            return acquire(orderId, owner)
                    .chain(reservation -> work.apply(reservation))
                    .call(this::releaseLease)
                    .onFailure().call(() -> releaseLease(orderId, owner));
        }).onFailure(ReservationBusyException.class).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(500))
                .expireIn(lease.plusSeconds(1).toMillis());
    }

    private Uni<Reservation> acquire(String orderId, String owner) {
        Instant now = clock.instant();
        Bson free = Filters.and(Filters.eq("_id", orderId),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", now)));
        Bson take = Updates.combine(Updates.set("leaseOwner", owner), Updates.set("leaseUntil", now.plus(lease)));
        return reservations.mongoCollection().findOneAndUpdate(free, take, MongoSupport.RETURN_AFTER)
                .onItem().ifNull().failWith(() -> new ReservationBusyException(orderId));
    }

    private Uni<Reservation> releaseLease(Reservation reservation) {
        return reservation.leaseOwner == null ? Uni.createFrom().item(reservation)
                : releaseLease(reservation.orderId, reservation.leaseOwner).replaceWith(reservation);
    }

    Uni<Void> releaseLease(String orderId, String owner) {
        return reservations.mongoCollection()
                .updateOne(Filters.and(Filters.eq("_id", orderId), Filters.eq("leaseOwner", owner)),
                        Updates.combine(Updates.unset("leaseOwner"), Updates.unset("leaseUntil")))
                .replaceWithVoid();
    }

    /** Moves the reservation on, conditionally on its status and on this worker still holding the lease. */
    Uni<Reservation> transition(Reservation reservation, ReservationStatus to, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(Updates.set("status", to));
        update.add(Updates.inc("version", 1));
        if (!to.isInProgress()) {
            // a settled reservation needs no worker: give the lease back in the same write
            update.add(Updates.unset("leaseOwner"));
            update.add(Updates.unset("leaseUntil"));
        }
        Bson expected = Filters.and(Filters.eq("_id", reservation.orderId), Filters.eq("status", reservation.status),
                Filters.eq("leaseOwner", reservation.leaseOwner));
        return reservations.mongoCollection().findOneAndUpdate(expected, Updates.combine(update), MongoSupport.RETURN_AFTER)
                .onItem().ifNull().failWith(() -> new LeaseLostException(reservation.orderId))
                .invoke(moved -> LOG.debugf("Reservation of order %s: %s -> %s", reservation.orderId, reservation.status, to));
    }

    /** Refuses to touch stock when the lease is about to run out: the next worker will redo this safely. */
    Uni<Void> stillLeased(Reservation reservation) {
        if (reservation.leaseUntil == null || clock.instant().plus(LEASE_MARGIN).isAfter(reservation.leaseUntil)) {
            return Uni.createFrom().failure(new LeaseLostException(reservation.orderId));
        }
        return Uni.createFrom().voidItem();
    }
}
